import { useMessages } from '../i18n'

interface Props {
  text: string
  filename: string
  /** RFC 7517 §8.5 names application/jwk+json and application/jwk-set+json. */
  type: string
  /** Names what is downloaded, for screen readers; starts with "Download", the visible word. */
  label: string
}

/**
 * Saves text as a file, made in the page: a Blob behind an object URL on an `<a download>`.
 * Nothing is sent anywhere, and nothing is saved unless the person clicks.
 */
export function DownloadButton({ text, filename, type, label }: Props) {
  const t = useMessages().copy
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type }))
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
    // The download has started from the URL; drop it so the key does not linger in a Blob.
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <button type="button" className="small-button" onClick={download} disabled={text === ''} aria-label={label}>
      {t.download}
    </button>
  )
}
