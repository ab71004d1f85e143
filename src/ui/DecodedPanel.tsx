import { useMessages } from '../i18n'
import { currentAlg, type Focus } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { AlgorithmPicker } from './AlgorithmPicker'
import { CopyButton } from './CopyButton'
import { JsonEditor } from './JsonEditor'

/** The header and payload as editable JSON, and the algorithm that signs them. */
export function DecodedPanel() {
  const header = useDebugger((s) => s.header)
  const payload = useDebugger((s) => s.payload)
  const alg = useDebugger(currentAlg)
  const dispatch = useDispatch()
  const t = useMessages().decoded
  const onFocusChange = (part: Focus['part']) => (focus: Focus | undefined) => dispatch(focus ? { type: 'focused', focus } : { type: 'unfocused', source: 'json', part })
  return (
    <section className="panel decoded-panel" aria-labelledby="decoded-heading">
      <h2 id="decoded-heading" className="panel-title">
        {t.title}
        <span className="panel-hint">{t.hint}</span>
      </h2>
      <AlgorithmPicker value={alg} onChange={(chosen) => dispatch({ type: 'algorithmChosen', alg: chosen })} />
      <div className="part part-header">
        <CopyButton text={header.text} label={t.copy.Header} />
        <JsonEditor label="Header" editor={header} onChange={(text) => dispatch({ type: 'headerEdited', text })} onFocusChange={onFocusChange('header')} />
      </div>
      <div className="part part-payload">
        <CopyButton text={payload.text} label={t.copy.Payload} />
        <JsonEditor label="Payload" editor={payload} onChange={(text) => dispatch({ type: 'payloadEdited', text })} onFocusChange={onFocusChange('payload')} />
      </div>
    </section>
  )
}
