import { useMessages } from '../i18n'
import { LazyDisclosure, lazyBody } from './LazyDisclosure'

// A port of PyJWT, jose's jwtVerify and the frameworks: loaded when the panel is first opened.
const LibraryVerdicts = lazyBody(() => import('./LibraryVerdicts').then((module) => module.LibraryVerdicts))

/** What real libraries would say about this token: closed until asked for. */
export function LibrariesPanel() {
  return <LazyDisclosure className="libraries-panel" headingId="libraries-heading" text={useMessages().libraries} body={LibraryVerdicts} />
}
