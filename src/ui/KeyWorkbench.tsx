import { useMessages } from '../i18n'
import { LazyDisclosure, lazyBody } from './LazyDisclosure'
import './KeyWorkbench.css'

// The tools: loaded when the workbench is first opened.
const KeyWorkbenchTools = lazyBody(() => import('./KeyWorkbenchTools').then((module) => module.KeyWorkbenchTools))

/** Read, convert, generate and publish keys: closed until asked for, so it does not crowd the debugger. */
export function KeyWorkbench() {
  return <LazyDisclosure className="keys-workbench" headingId="keys-heading" text={useMessages().workbench} body={KeyWorkbenchTools} detailsClassName="keys-details" />
}
