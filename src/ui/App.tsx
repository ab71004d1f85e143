import { useMemo, useState } from 'react'
import { decodeToken } from '../jwt'

/** Placeholder page until the debugger page lands: decodes what is pasted. */
export function App() {
  const [text, setText] = useState('')
  const decoded = useMemo(() => decodeToken(text), [text])
  return (
    <main>
      <h1>JWT Debugger</h1>
      <label>
        Encoded token
        <textarea value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      </label>
      <pre aria-label="Decoded header">{decoded.header?.text}</pre>
      <pre aria-label="Decoded payload">{decoded.payload?.kind === 'bytes' ? '(binary)' : decoded.payload?.text}</pre>
      <ul aria-label="Problems">
        {decoded.problems.map((problem, i) => (
          <li key={i}>{problem.message}</li>
        ))}
      </ul>
    </main>
  )
}
