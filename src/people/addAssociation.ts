import { ASSOCIATION_ID } from '../domain/people';
import { PeopleRepository } from '../ports/peopleRepository';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new förbund with its first kansli person; one that exists is left as it is. */
export async function addAssociation(
  people: PeopleRepository,
  input: { readonly id: string; readonly name: string; readonly kansliId: string; readonly kansliName: string },
  now: Date,
): Promise<{ readonly ok: boolean; readonly message: string }> {
  if (!ASSOCIATION_ID.test(input.id)) return { ok: false, message: `"${input.id}" är inget giltigt id (gemener, siffror och bindestreck, 2–40 tecken).` };
  if (!GUID.test(input.kansliId)) return { ok: false, message: `"${input.kansliId}" är inget objekt-id från Entra ID (ett GUID).` };
  const elsewhere = (await people.findMember(input.kansliId.toLowerCase()))?.associationId;
  if (elsewhere && elsewhere !== input.id) return { ok: false, message: `Personen hör redan till förbundet ${elsewhere}.` };
  const created = await people.saveAssociation({ id: input.id, name: input.name.trim(), createdAt: now.toISOString() });
  const roster = await people.createRosterIfAbsent({
    associationId: input.id,
    people: [{ aadObjectId: input.kansliId.toLowerCase(), name: input.kansliName.trim(), roles: ['kansli'], initiatives: [] }],
    version: 0,
  });
  if (!created && !roster) return { ok: false, message: `Förbundet ${input.id} finns redan; ändra dess användare i chatten ("användare").` };
  return { ok: true, message: `Förbundet ${input.id} (${input.name}) är tillagt med ${input.kansliName} på kansliet. Resten görs i chatten: "användare".` };
}
