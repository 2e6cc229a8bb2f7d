// Every kind of generation, by the table that holds its rows. A new kind: one module in kinds/ and its
// line here. The pipeline, reconciler, jobs, limits and cleanup iterate this list; only the use case that
// starts a kind imports its module. Immutable: declarations, not state.
import { bindTable, type GenerationTable, type KindInfo } from './table.ts';
import { avatar, avatarFast } from './kinds/avatar.ts';
import { bRollFromImage, bRollFromImageFast } from './kinds/b-roll-from-image.ts';
import { bRollFromText, bRollFromTextFast } from './kinds/b-roll-from-text.ts';
import { imageToImage } from './kinds/image-to-image.ts';
import { instructionEdit } from './kinds/instruction-edit.ts';
import { textToImage } from './kinds/text-to-image.ts';
import { avatarTable } from './tables/avatar.ts';
import { bRollTable } from './tables/b-roll.ts';
import { imageTable } from './tables/image.ts';
import type { GenerationSubject, Target } from './types.ts';

export const generationTables: readonly GenerationTable[] = Object.freeze([
  bindTable(imageTable, [textToImage, imageToImage, instructionEdit]),
  bindTable(avatarTable, [avatar, avatarFast]),
  bindTable(bRollTable, [bRollFromText, bRollFromImage, bRollFromTextFast, bRollFromImageFast]),
]);

export function tableOf(subject: GenerationSubject): GenerationTable {
  const table = generationTables.find((t) => t.subject === subject);
  if (!table) throw new RangeError(`no generation table for ${subject}`);
  return table;
}

/** The kind a row submitted with `model` is, if the registry knows it. */
export const kindOf = (subject: GenerationSubject, model: string): KindInfo | undefined =>
  tableOf(subject).kinds.find((k) => k.model === model);

const TARGET = new RegExp(`^(${generationTables.map((t) => t.subject).join('|')}):([\\w-]{1,64})$`);

/** The row a webhook URL names (`AVATAR:<id>`), or null. */
export function parseTarget(s: string | null | undefined): Target | null {
  const m = TARGET.exec(s ?? '');
  if (!m) return null;
  const table = generationTables.find((t) => t.subject === m[1]);
  return table ? { kind: table.subject, id: m[2]! } : null;
}
