import { ForbiddenError } from '../errors';
import { formatDate } from '../format/swedish';
import { RoleDirectory, UserIdentity, canDecideOnDelegation } from './roleDirectory';

/**
 * Refuses a delegation decision by someone who may not make it; an ersättare outside their
 * period is told the period and who decides today.
 */
export async function assertDecider(directory: RoleDirectory, user: UserIdentity, message: string): Promise<void> {
  if (canDecideOnDelegation(user)) return;
  const period = user.deputyPeriod;
  if (!period) throw new ForbiddenError(message, `user ${user.aadObjectId} lacks decider role`);
  const chiefs = await directory.withRole(user.associationId, ['forbundschef']);
  const who = chiefs.length > 0 ? `förbundschefen ${chiefs.map((c) => c.name).join(' eller ')}` : 'förbundschefen';
  throw new ForbiddenError(
    `Du är ersättare för förbundschefen ${formatDate(period.from)}–${formatDate(period.to)}, och i dag ligger utanför den perioden. I dag beslutar ${who}.`,
    `deputy ${user.aadObjectId} outside ${period.from}–${period.to}`,
  );
}
