// The ordered parts of a meeting (agenda items, points to make, participants): a numbered list of cards
// whose fields are edited in place, each with move up / move down / delete, and a box that adds one at the
// end. A tab reads the parts with `useMeetingParts` and shows one list per group (a kind of point, a side).
import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { api } from '../api/client.js';
import { useApiMutation, useList } from '../api/queries.js';
import { AddText } from './AddText.js';
import { EditableField } from './EditableField.js';
import { ErrorMessage } from './ErrorMessage.js';
import { moved, nextPosition } from './ordering.js';
import { RowActions } from './RowActions.js';

type PartKind = 'agendaItem' | 'talkingPoint' | 'participant';
type Part = { id: string; position: number };
/** The names of a part's text fields. */
type TextField<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** A field of a part, edited in place; its label may name the item by its number. */
export interface PartField<T> {
  field: TextField<T>;
  label: string | ((index: number) => string);
  multiline?: boolean;
}

/** A meeting's parts of one kind, and the writes that add, move and delete them. */
export function useMeetingParts<T extends Part>(kind: PartKind, meetingId: string) {
  const list = useList<T>(kind, { meetingId });
  const write = useApiMutation((record: unknown) => api().put({ kind, record }));
  const remove = useApiMutation((id: string) => api().delete({ kind, id }));
  const all = list.data ?? [];
  return {
    kind,
    all,
    loaded: list.isSuccess,
    /** Reading or writing failed (shown once, above the lists). */
    errors: (
      <>
        {list.error && <ErrorMessage error={list.error} />}
        {write.error && <ErrorMessage error={write.error} />}
      </>
    ),
    /** A new part goes after every other of the meeting (positions run across the groups). */
    add: (fields: Record<string, unknown>) =>
      write.mutateAsync({ meetingId, ...fields, position: nextPosition(all) }),
    /** Swaps an item with its neighbour within its own group. */
    move: (group: T[], index: number, delta: -1 | 1) => write.mutate(moved(group, index, delta)),
    remove: (id: string) => remove.mutate(id),
  };
}

export type MeetingParts<T extends Part> = ReturnType<typeof useMeetingParts<T>>;

export function OrderedListEditor<T extends Part>({
  parts,
  items,
  itemName,
  fields,
  below,
  numbered = true,
  padding = 'xs',
  empty,
  add,
}: {
  parts: MeetingParts<T>;
  /** The list shown, in order (all the parts, or one group of them). */
  items: T[];
  /** How the move and delete buttons name an item to a screen reader. */
  itemName: (item: T) => string;
  /** The fields in the card's head, in a row beside its number and buttons. */
  fields: PartField<T>[];
  /** A field under the head, across the whole card. */
  below?: PartField<T>;
  numbered?: boolean;
  padding?: 'xs' | 'sm';
  /** Shown, once the parts are read, when the list is empty. */
  empty: ReactNode;
  add: {
    label: string;
    buttonLabel?: string;
    multiline?: boolean;
    /** The new part's fields, from the text typed. */
    record: (text: string) => Record<string, unknown>;
  };
}) {
  return (
    <>
      {parts.loaded && items.length === 0 && empty}
      <ol className="ordered-list">
        {items.map((item, index) => (
          <li key={item.id}>
            <Paper withBorder p={padding} className="part-card">
              <div className="part-head">
                {numbered && (
                  <span className="part-number" aria-hidden>
                    {index + 1}
                  </span>
                )}
                <div className={fields.length > 1 ? 'field-row grow' : 'grow'}>
                  {fields.map((field) => (
                    <PartFieldEditor
                      key={field.field}
                      kind={parts.kind}
                      item={item}
                      index={index}
                      {...field}
                    />
                  ))}
                </div>
                <RowActions
                  name={itemName(item)}
                  onUp={index > 0 ? () => parts.move(items, index, -1) : null}
                  onDown={index < items.length - 1 ? () => parts.move(items, index, 1) : null}
                  onDelete={() => parts.remove(item.id)}
                />
              </div>
              {below && <PartFieldEditor kind={parts.kind} item={item} index={index} {...below} />}
            </Paper>
          </li>
        ))}
      </ol>
      <AddText
        label={add.label}
        buttonLabel={add.buttonLabel}
        multiline={add.multiline}
        onAdd={(text) => parts.add(add.record(text))}
      />
    </>
  );
}

function PartFieldEditor<T extends Part>({
  kind,
  item,
  index,
  field,
  label,
  multiline,
}: PartField<T> & { kind: PartKind; item: T; index: number }) {
  return (
    <EditableField
      kind={kind}
      id={item.id}
      field={field}
      value={item[field] as string}
      label={typeof label === 'function' ? label(index) : label}
      {...(multiline && { input: 'textarea' as const, minRows: 1 })}
    />
  );
}
