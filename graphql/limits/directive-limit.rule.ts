import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** Rejects documents with more than `maxDirectives` directives (directive floods slow validation and execution). */
export function directiveLimitRule(maxDirectives: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Directive(node) {
        count += 1;
        if (count > maxDirectives && !reported) {
          reported = true;
          context.reportError(new GraphQLError(`Query uses more than ${maxDirectives} directives`, { nodes: [node], extensions: { code: 'TOO_MANY_DIRECTIVES', limit: maxDirectives } }));
        }
      },
    };
  };
}
