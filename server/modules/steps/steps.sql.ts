import { createHash } from 'node:crypto';

/**
 * Versions of the project's steps numbered in `sources` (an SQL int[] expression), as a json object
 * ({"3": 7}); steps that do not exist are left out.
 */
export const sourceVersionsOf = (projectRef: string, sources: string) =>
  `(select coalesce(json_object_agg(x.step_number::text, x.version order by x.step_number), '{}'::json)
    from project_steps x where x.project_id = ${projectRef} and x.step_number = any(${sources}))`;

/**
 * Content versions of the source steps (see project_steps.content_version) as a json object. With
 * `claimed` (an SQL jsonb of {stepNumber: version} a client says it built from), a source whose
 * version is not the one claimed counts as older content (-1), so the step reads as outdated.
 */
export const sourceContentOf = (projectRef: string, sources: string, claimed: string | null = null) => {
  const value = claimed
    ? `case when ${claimed} ? x.step_number::text and (${claimed}->>x.step_number::text)::int <> x.version then -1 else x.content_version end`
    : 'x.content_version';
  return `(select coalesce(json_object_agg(x.step_number::text, ${value} order by x.step_number), '{}'::json)
    from project_steps x where x.project_id = ${projectRef} and x.step_number = any(${sources}))`;
};

/** The content version after writing `incoming` (SQL json) over the row `s`: the same document keeps it. */
export const nextContentVersion = (incoming: string) => `s.content_version + (s.data::jsonb is distinct from ${incoming}::jsonb)::int`;

/** Stage numbers from the stage registry (never from input) as an SQL int[] literal. */
export const stageNumbers = (stages: readonly number[]) => `'{${stages.map(Number).join(',')}}'::int[]`;

/** A stable name per statement text: PostgreSQL parses and plans each prepared statement once per connection. */
const statementNames = new Map<string, string>();
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `rf_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

export const SCRIPT_STEP = 3;

/**
 * Stage 3's history (script_versions, for history and revert): a final script that differs from
 * the latest recorded one is recorded under the step version that saved it, by the same
 * statement as the write, so no save is missed and concurrent saves cannot collide.
 */
export const SCRIPT_HISTORY = `, history as (
  insert into script_versions (project_id, version, final_script)
  select w.project_id, w.version, w.data->'finalScript' from written w
  where w.step_number = ${SCRIPT_STEP} and json_typeof(w.data->'finalScript') = 'object' and not exists (
    select 1 from script_versions h
    where h.project_id = w.project_id and h.final_script::jsonb = (w.data->'finalScript')::jsonb
      and h.version = (select max(l.version) from script_versions l where l.project_id = w.project_id)))`;

/**
 * The owner's live project; no row when missing or not theirs. Read, not touched: the project
 * list derives "last changed" from its steps, so step writes stay one cheap row upsert.
 */
export const OWNED_PROJECT = `with p as (select id from projects where id = $1 and owner_id = $2 and deleted_at is null)`;

/**
 * Unconditional upserts of several steps in one statement. $1 is a JSON array of
 * {p: projectId, o: ownerId, n: stepNumber, c: completedAt, s: skipReason, f: derivedFrom override,
 * src: source step numbers, d: data}; json_to_recordset reproduces a json value's text exactly, so
 * the data is stored as sent. At most one row per project: a statement cannot update a row twice,
 * and rows are written in project order so that concurrent batches lock rows in the same order.
 * The sources' versions are read before the write, for derived_from and `stale`.
 * Fields a write leaves out keep their stored values, so the statement differs by which it sets.
 */
export function upsertManyStatement(setsCompletedAt: boolean, setsSkipReason: boolean): string {
  return `with input as (
      select * from json_to_recordset($1::json) as i(p uuid, o uuid, n int, c timestamptz, s text, f jsonb, src int[], d json)),
    target as (
      select i.*, ${sourceVersionsOf('i.p', 'i.src')} as sv, ${sourceContentOf('i.p', 'i.src')} as sc,
        ${sourceContentOf('i.p', 'i.src', 'i.f')} as dc
      from input i join projects p on p.id = i.p and p.owner_id = i.o and p.deleted_at is null),
    written as (
      insert into project_steps as s (project_id, step_number, data, completed_at, skip_reason, derived_from, derived_content)
      select t.p, t.n, t.d, t.c, t.s, coalesce((t.sv::jsonb || t.f)::json, t.sv), t.dc from target t order by t.p
      on conflict (project_id, step_number) do update set data = excluded.data,
        completed_at = ${setsCompletedAt ? 'excluded.completed_at' : 's.completed_at'},
        skip_reason = ${setsSkipReason ? 'excluded.skip_reason' : 's.skip_reason'},
        derived_from = excluded.derived_from, derived_content = excluded.derived_content,
        content_version = ${nextContentVersion('excluded.data')}, version = s.version + 1, updated_at = now()
      returning s.*)${SCRIPT_HISTORY}
    select w.id, w.project_id, w.step_number, w.completed_at, w.skip_reason, w.version, w.derived_from,
      w.content_version, w.derived_content, w.created_at, w.updated_at, t.sv as source_versions, t.sc as source_contents
      from written w join target t on t.p = w.project_id`;
}
