import { useMessages } from '../i18n'
import { LazyDisclosure, lazyBody } from './LazyDisclosure'

// The snippet builder: loaded when the panel is first opened.
const CodeSnippetsTabs = lazyBody(() => import('./CodeSnippetsTabs').then((module) => module.CodeSnippetsTabs))

/** "Use it in code": programs that verify this token in Python and Node, and a curl call; closed until asked for. */
export function CodeSnippets() {
  return <LazyDisclosure className="snippets-panel" headingId="snippets-heading" text={useMessages().snippets} body={CodeSnippetsTabs} />
}
