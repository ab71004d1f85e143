import { useId } from 'react'
import { useMessages, useSection } from '../i18n'
import { base64Inset } from '../i18n/sections/base64Inset'
import type { Base64Steps, StepByte, StepSextet } from '../jwt/mapping'
import { base64Steps } from '../jwt/mapping'
import { decodedOf } from '../state/debugger'
import { useDebugger } from '../state/DebuggerContext'
import { segmentOf } from './LinkedFocus'
import './Base64Inset.css'

/** Two groups of 4 letters (6 bytes): enough to see the pattern, narrow enough for a phone. */
const MAX_CHARS = 8

/** RFC 4648 §4: every 4 letters carry 3 bytes; the groups of the steps, in order. */
interface Group {
  readonly from: number
  readonly to: number
  readonly bytes: readonly StepByte[]
  readonly sextets: readonly StepSextet[]
}

function groupsOf(steps: Base64Steps): Group[] {
  const groups: Group[] = []
  for (let k = 0; k * 4 < steps.sextets.length; k++) {
    const sextets = steps.sextets.slice(k * 4, k * 4 + 4)
    groups.push({ from: sextets[0]!.tokenIndex, to: sextets.at(-1)!.tokenIndex + 1, bytes: steps.bytes.slice(k * 3, k * 3 + 3), sextets })
  }
  return groups
}

/** Whitespace drawn so it can be seen in a cell. */
const VISIBLE: Record<string, string> = { ' ': '␠', '\n': '↵', '\r': '␍', '\t': '⇥' }
const shown = (char: string) => VISIBLE[char] ?? char

/** The bytes of one JSON character next to each other in the group share one cell. */
function characterCells(json: string, bytes: readonly StepByte[]) {
  const cells: { byte: StepByte; count: number }[] = []
  for (const byte of bytes) {
    const last = cells.at(-1)
    if (last && last.byte.jsonRange[0] === byte.jsonRange[0]) last.count++
    else cells.push({ byte, count: 1 })
  }
  return cells.map(({ byte, count }) => ({ key: byte.index, span: count * 8, text: shown(json.slice(...byte.jsonRange)), byte, whole: count === byte.of }))
}

const hex = (value: number) => value.toString(16).padStart(2, '0')
const bits = (values: readonly (0 | 1)[]) => values.join('')

function GroupTable({ group, json, t }: { group: Group; json: string; t: (typeof base64Inset)['en'] }) {
  const columns = group.sextets.length * 6
  const rest = columns - group.bytes.length * 8
  const filler = rest > 0 && <td colSpan={rest} />
  return (
    <table className="base64-group">
      <caption>{t.group(group.from + 1, group.to)}</caption>
      <colgroup>
        <col />
        <col span={columns} className="base64-bit" />
      </colgroup>
      <tbody>
        <tr>
          <th scope="row">{t.rows.character}</th>
          {characterCells(json, group.bytes).map((cell) => (
            <td key={cell.key} colSpan={cell.span} title={cell.whole ? undefined : t.multibyte(cell.byte.nth + 1, cell.byte.of)}>
              {cell.text}
            </td>
          ))}
          {filler}
        </tr>
        <tr>
          <th scope="row">{t.rows.hex}</th>
          {group.bytes.map((byte) => (
            <td key={byte.index} colSpan={8}>
              {hex(byte.value)}
            </td>
          ))}
          {filler}
        </tr>
        <tr className="base64-bits">
          <th scope="row">{t.rows.bits8}</th>
          {group.bytes.map((byte) => (
            <td key={byte.index} colSpan={8}>
              {bits(byte.bits)}
            </td>
          ))}
          {filler}
        </tr>
        <tr className="base64-bits">
          <th scope="row">{t.rows.bits6}</th>
          {group.sextets.map((sextet) => {
            const data = sextet.bits.filter((b) => b.byte !== undefined)
            const padding = sextet.bits.slice(data.length)
            return (
              <td key={sextet.tokenIndex} colSpan={6}>
                {bits(data.map((b) => b.value))}
                {padding.length > 0 && (
                  <span className="base64-padding" title={t.padding}>
                    {bits(padding.map((b) => b.value))}
                  </span>
                )}
              </td>
            )
          })}
        </tr>
        <tr>
          <th scope="row">{t.rows.value}</th>
          {group.sextets.map((sextet) => (
            <td key={sextet.tokenIndex} colSpan={6}>
              {sextet.value}
            </td>
          ))}
        </tr>
        <tr className="base64-letters">
          <th scope="row">{t.rows.letter}</th>
          {group.sextets.map((sextet) => (
            <td key={sextet.tokenIndex} colSpan={6} className={sextet.selected ? 'base64-selected' : undefined}>
              {sextet.letter}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  )
}

/** "How base64url works" for the token characters in focus: bytes, bits in 8, bits in 6, letters. */
export function Base64Inset({ token }: { token: string }) {
  const focus = useDebugger((s) => s.focus)
  const captionId = useId()
  const messages = useMessages()
  const t = useSection(base64Inset)
  const segment = focus && segmentOf(decodedOf(token), focus.part)
  if (!focus || !segment) return null
  const steps = base64Steps(segment.range, segment.json, focus.tokenRange, { maxChars: MAX_CHARS })
  if (steps.sextets.length === 0) return null
  const part = messages.decoded.parts[focus.part === 'header' ? 'Header' : 'Payload']
  return (
    <figure className="base64-inset" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t.caption(part, steps.tokenRange[0] + 1, steps.tokenRange[1])}</figcaption>
      <p className="base64-explain">{t.explain}</p>
      <div className="base64-groups">
        {groupsOf(steps).map((group) => (
          <GroupTable key={group.from} group={group} json={segment.json} t={t} />
        ))}
      </div>
      {steps.truncated && <p className="base64-explain">{t.truncated(steps.sextets.length)}</p>}
      <ul className="linked-legend">
        <li>
          <span className="linked linked-source">ab</span> {t.legend.source}
        </li>
        <li>
          <span className="linked linked-full">ab</span> {t.legend.full}
        </li>
        <li>
          <span className="linked linked-partial">ab</span> {t.legend.partial}
        </li>
      </ul>
    </figure>
  )
}
