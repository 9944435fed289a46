import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** Rejects documents with more than `maxAliases` aliases (alias floods multiply work). */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`Query uses more than ${maxAliases} aliases`, { nodes: [node], extensions: { code: 'TOO_MANY_ALIASES', limit: maxAliases } }),
          );
        }
      },
    };
  };
}
