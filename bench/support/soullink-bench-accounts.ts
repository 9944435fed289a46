import { print } from 'graphql';
import { CreatePersonaDocument, RegisterDocument, RenameChatDocument, StartChatDocument } from '../../graphql/generated/graphql';
import { graphqlRequest, mapConcurrently } from './loopback-graphql';

export interface BenchAccount {
  token: string;
  userId: string;
  partnerPersonaId: string;
}

const REGISTER = print(RegisterDocument);
const CREATE_PERSONA = print(CreatePersonaDocument);
const START_CHAT = print(StartChatDocument);
const RENAME_CHAT = print(RenameChatDocument);

/** `count` registered users, each with one PARTNER persona (registration is scrypt-bound: a few at a time). */
export async function createBenchAccounts(url: string, count: number, prefix: string): Promise<BenchAccount[]> {
  const stamp = Date.now();
  return mapConcurrently(count, 4, async (i) => {
    const register = await graphqlRequest<{ register: { accessToken: string; user: { id: string } } }>(url, REGISTER, {
      input: { email: `${prefix}-${stamp}-${i}@bench.example.com`, password: 'bench passphrase 0123', displayName: `Bench ${i}` },
    });
    const token = register.register.accessToken;
    const persona = await graphqlRequest<{ createPersona: { persona: { id: string } } }>(
      url,
      CREATE_PERSONA,
      { input: { kind: 'PARTNER', name: 'Mei', age: 27, relationshipContext: 'dating 3 months', interests: ['climbing', 'hot pot'], values: ['family'], description: 'Warm, curious, teases a little' } },
      token,
    );
    return { token, userId: register.register.user.id, partnerPersonaId: persona.createPersona.persona.id };
  });
}

/**
 * A new chat with the account's partner. `titled` names it at once, so no automatic-title
 * model call follows its first reply (the benchmark times the reply, not the title).
 */
export async function startBenchChat(url: string, account: BenchAccount, titled: boolean): Promise<string> {
  const { startChat } = await graphqlRequest<{ startChat: { chat: { id: string } } }>(url, START_CHAT, { input: { partnerPersonaId: account.partnerPersonaId } }, account.token);
  if (titled) await graphqlRequest(url, RENAME_CHAT, { input: { id: startChat.chat.id, title: 'Benchmark chat' } }, account.token);
  return startChat.chat.id;
}
