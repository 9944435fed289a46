import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { personaStudyAttributes, setPersonaStudyAttributes } from '../../src/domain/studies/set-persona-study-attributes';
import type { AuthedContext } from '../context.type';
import { SetPersonaStudyAttributesInput } from '../inputs/study.input';
import { SetPersonaStudyAttributesPayload } from '../types/study.payload';
import { PersonaStudyAttributeType } from '../types/study-persona-attributes.type';

@Resolver()
export class StudyPersonaAttributesResolver {
  @Authorized()
  @Mutation(() => SetPersonaStudyAttributesPayload, {
    description: 'Replace the study attributes of one of your personas (named as a dataset schema’s people columns), so match models can rank it. An empty list clears them.',
  })
  async setPersonaStudyAttributes(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => SetPersonaStudyAttributesInput, { description: 'The persona and every attribute it should have.' }) input: SetPersonaStudyAttributesInput,
  ): Promise<SetPersonaStudyAttributesPayload> {
    const saved = await setPersonaStudyAttributes(ctx.services, ctx.em, ctx.principal.user.id, input.personaId, input.attributes.map((a) => ({ ...a })));
    return { attributes: PersonaStudyAttributeType.list(saved) };
  }

  @Authorized()
  @Query(() => [PersonaStudyAttributeType], { description: 'The study attributes of one of your personas.' })
  async personaStudyAttributes(@Ctx() ctx: AuthedContext, @Arg('personaId', () => ID, { description: 'One of your personas.' }) personaId: string): Promise<PersonaStudyAttributeType[]> {
    return PersonaStudyAttributeType.list(await personaStudyAttributes(ctx.em, ctx.principal.user.id, personaId));
  }
}
