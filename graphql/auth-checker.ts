import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../src/domain/errors';
import type { Role } from '../src/domain/tiers';
import type { GraphQLContext } from './context.type';

/** @Authorized() needs a principal; @Authorized(Role.ADMIN) also needs one of the roles. */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.principal) throw context.authError ?? new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.principal.user.role)) throw new ForbiddenError();
  return true;
};
