// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DerError,
  DerTag,
  encodeBitString,
  encodeExplicit,
  encodeImplicit,
  encodeInteger,
  encodeLength,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSet,
  encodeString,
  encodeTime,
  readBitString,
  readChildren,
  readDer,
  readInteger,
  readNull,
  readOctetString,
  readOid,
  readSequence,
  readSingle,
  readSmallInteger,
  readString,
  readTime,
  readTlv,
  tagName,
  type DerFailure,
  type Tlv,
} from '../../src/jwt/der'

const bytes = (...values: number[]) => Uint8Array.from(values)
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16))
const toHex = (data: Uint8Array) => Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('')

/** The DerFailure a read throws, via the readDer boundary. */
function failure(der: Uint8Array, read: (der: Uint8Array) => unknown): DerFailure {
  const result = readDer(der, read)
  if (result.ok) throw new Error('expected the read to fail')
  return result.error
}

const top = (der: Uint8Array): Tlv => readSingle(der, [0, der.length], 'the value')

describe('reading lengths and structure', () => {
  it('reads a short-form length', () => {
    const tlv = readTlv(bytes(0x04, 0x02, 0xaa, 0xbb), 0)
    expect(tlv).toEqual({ tag: 0x04, offset: 0, headerLength: 2, length: 2, contents: [2, 4], end: 4 })
  })

  it('reads long-form lengths of one and two octets', () => {
    const one = encodeOctetString(new Uint8Array(200))
    expect(toHex(one.subarray(0, 3))).toBe('0481c8')
    expect(readTlv(one, 0)).toMatchObject({ headerLength: 3, length: 200, end: 203 })
    const two = encodeOctetString(new Uint8Array(300))
    expect(toHex(two.subarray(0, 4))).toBe('0482012c')
    expect(readTlv(two, 0)).toMatchObject({ headerLength: 4, length: 300, contents: [4, 304] })
  })

  it('reports contents that run past the end of the data, saying how many bytes were promised and found', () => {
    const error = failure(bytes(0x30, 0x05, 0x02, 0x01), (der) => readTlv(der, 0))
    expect(error.message).toBe('SEQUENCE at byte 0 says its contents are 5 bytes long, but only 2 bytes follow')
    expect([error.offset, error.end]).toEqual([0, 4])
  })

  it('reports a value that ends before its length octets', () => {
    expect(failure(bytes(0x30), (der) => readTlv(der, 0)).message).toMatch(/expected a length after the SEQUENCE tag/)
    expect(failure(bytes(0x30, 0x82, 0x01), (der) => readTlv(der, 0)).message).toMatch(/expected 2 length octets/)
    expect(failure(new Uint8Array(0), (der) => readTlv(der, 0)).message).toMatch(/found the end of the data/)
  })

  it('rejects the indefinite length of BER', () => {
    expect(failure(bytes(0x30, 0x80, 0x00, 0x00), (der) => readTlv(der, 0)).message).toMatch(/indefinite form/)
  })

  it('rejects long-form lengths that DER would write shorter', () => {
    expect(failure(bytes(0x04, 0x81, 0x05, 1, 2, 3, 4, 5), (der) => readTlv(der, 0)).message).toMatch(/shortest encoding of the length 5/)
    expect(failure(bytes(0x04, 0x82, 0x00, 0x81, ...new Uint8Array(0x81)), (der) => readTlv(der, 0)).message).toMatch(/shortest encoding/)
  })

  it('rejects multi-byte tag numbers, which no key format uses', () => {
    expect(failure(bytes(0x1f, 0x81, 0x01, 0x00), (der) => readTlv(der, 0)).message).toMatch(/tag number below 31/)
  })

  it('keeps a child inside its parent even when the buffer goes on', () => {
    // The SEQUENCE holds 3 bytes, but its child claims 4: the parent's end is the limit.
    const der = bytes(0x30, 0x03, 0x04, 0x04, 0x01, 0x02, 0x03, 0x04)
    expect(failure(der, (d) => readChildren(d, readTlv(d, 0))).message).toMatch(/OCTET STRING at byte 2 says its contents are 4 bytes long, but only 1 bytes follow/)
  })

  it('lists the children of a SEQUENCE and refuses to look inside a primitive', () => {
    const der = encodeSequence(encodeInteger(1), encodeNull(), encodeOctetString(bytes(9)))
    expect(readChildren(der, top(der)).map((child) => child.tag)).toEqual([DerTag.INTEGER, DerTag.NULL, DerTag.OCTET_STRING])
    const primitive = encodeOctetString(bytes(1))
    expect(failure(primitive, (d) => readChildren(d, top(d))).message).toMatch(/expected a constructed value at byte 0, found the primitive OCTET STRING/)
  })

  it('checks the number of elements in a SEQUENCE and names what it expected', () => {
    const der = encodeSequence(encodeInteger(1))
    expect(failure(der, (d) => readSequence(d, top(d), 'the RSAPublicKey', 2)).message).toBe('expected 2 elements in the RSAPublicKey, found 1')
    const [first, second] = readSequence(der, top(der), 'a pair', 1, 2)
    expect(first.tag).toBe(DerTag.INTEGER)
    expect(second).toBeUndefined()
  })

  it('reports bytes left over after a value that should fill its range', () => {
    const der = bytes(0x05, 0x00, 0xff)
    expect(failure(der, (d) => readSingle(d, [0, d.length], 'the key')).message).toBe('expected the key to end at byte 2, found 1 more bytes')
  })

  it('names tags in messages', () => {
    expect(tagName(0x30)).toBe('SEQUENCE')
    expect(tagName(0x03)).toBe('BIT STRING')
    expect(tagName(0xa0)).toBe('[0]')
    expect(tagName(0x81)).toBe('[1]')
    expect(tagName(0x61)).toBe('[APPLICATION 1]')
    expect(failure(encodeNull(), (d) => readInteger(d, top(d), 'the modulus n')).message).toBe('expected INTEGER for the modulus n at byte 0, found NULL')
  })
})

describe('reading and writing INTEGER', () => {
  it('reads an INTEGER as unsigned bytes without the sign octet', () => {
    const der = hex('0203 00ff01'.replace(' ', ''))
    expect(toHex(readInteger(der, top(der)))).toBe('ff01')
    const zero = hex('020100')
    expect(toHex(readInteger(zero, top(zero)))).toBe('00')
    const small = hex('02017f')
    expect(readSmallInteger(small, top(small))).toBe(127)
  })

  it('rejects negative and non-minimal INTEGERs', () => {
    expect(failure(hex('020180'), (d) => readInteger(d, top(d), 'the version')).message).toBe('expected a non-negative value for the version, found a negative INTEGER')
    expect(failure(hex('0202007f'), (d) => readInteger(d, top(d))).message).toMatch(/redundant leading 0x00/)
    expect(failure(hex('0202ff80'), (d) => readInteger(d, top(d))).message).toMatch(/redundant leading 0xff/)
    expect(failure(hex('0200'), (d) => readInteger(d, top(d))).message).toMatch(/at least one content octet/)
  })

  it('writes an INTEGER with a 0x00 in front of a high bit and no redundant zeros', () => {
    expect(toHex(encodeInteger(bytes(0x80)))).toBe('02020080')
    expect(toHex(encodeInteger(bytes(0x00, 0x00, 0x7f)))).toBe('02017f')
    expect(toHex(encodeInteger(new Uint8Array(0)))).toBe('020100')
    expect(toHex(encodeInteger(0))).toBe('020100')
    expect(toHex(encodeInteger(65537))).toBe('0203010001')
    expect(() => encodeInteger(-1)).toThrow(TypeError)
  })

  it('reads back any unsigned INTEGER it writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (value) => {
        const der = encodeInteger(value)
        let start = 0
        while (start < value.length - 1 && value[start] === 0) start++
        expect(toHex(readInteger(der, top(der)))).toBe(toHex(value.subarray(start)))
      }),
    )
  })
})

describe('reading and writing OBJECT IDENTIFIER', () => {
  it.each([
    ['1.2.840.10045.2.1', '06072a8648ce3d0201'],
    ['1.3.101.112', '06032b6570'],
    ['2.16.840.1.101.3.4.3.17', '0609608648016503040311'],
    ['1.2.840.113549.1.1.1', '06092a864886f70d010101'],
  ])('encodes %s as the bytes in the RFCs and reads it back', (oid, encoding) => {
    expect(toHex(encodeOid(oid))).toBe(encoding)
    const der = hex(encoding)
    expect(readOid(der, top(der))).toBe(oid)
  })

  it('round-trips arcs beyond 2^53, such as UUID OIDs under 2.25', () => {
    const oid = '2.25.329800735698586629295641978511506172918'
    const der = encodeOid(oid)
    expect(readOid(der, top(der))).toBe(oid)
  })

  it('rejects a truncated or padded OID and refuses to write a malformed one', () => {
    expect(failure(hex('06022a86'), (d) => readOid(d, top(d))).message).toMatch(/continuation bit/)
    expect(failure(hex('06032a8001'), (d) => readOid(d, top(d))).message).toMatch(/leading 0x80/)
    expect(failure(hex('0600'), (d) => readOid(d, top(d))).message).toMatch(/at least one subidentifier/)
    expect(() => encodeOid('1')).toThrow(TypeError)
    expect(() => encodeOid('1.40')).toThrow(TypeError)
    expect(() => encodeOid('3.1')).toThrow(TypeError)
    expect(() => encodeOid('1.2.03')).toThrow(TypeError)
  })
})

describe('reading and writing strings of bits and octets', () => {
  it('reads a BIT STRING and its unused-bits octet', () => {
    const der = encodeBitString(bytes(0xa0), 5)
    expect(readBitString(der, top(der))).toEqual({ unusedBits: 5, bytes: bytes(0xa0), range: [3, 4] })
  })

  it('rejects a BIT STRING whose unused bits are out of range or not zero', () => {
    expect(failure(hex('03020801'), (d) => readBitString(d, top(d))).message).toMatch(/expected 0 to 7 unused bits in a BIT STRING, found 8/)
    expect(failure(hex('030101'), (d) => readBitString(d, top(d))).message).toMatch(/\(0 when empty\), found 1/)
    expect(failure(hex('030203ff'), (d) => readBitString(d, top(d))).message).toMatch(/3 unused bits of a BIT STRING to be zero, found 0xff/)
    expect(failure(hex('0300'), (d) => readBitString(d, top(d))).message).toMatch(/unused-bits octet/)
  })

  it('reads an OCTET STRING, also under an IMPLICIT context tag', () => {
    const der = encodeOctetString(bytes(1, 2, 3))
    expect(readOctetString(der, top(der))).toEqual(bytes(1, 2, 3))
    const tagged = encodeImplicit(0, der)
    expect(toHex(tagged)).toBe('8003010203')
    expect(readOctetString(tagged, top(tagged), 'the seed', 0x80)).toEqual(bytes(1, 2, 3))
    expect(failure(tagged, (d) => readOctetString(d, top(d), 'the seed')).message).toBe('expected OCTET STRING for the seed at byte 0, found [0]')
  })

  it('reads NULL and rejects NULL with contents', () => {
    const der = encodeNull()
    expect(readNull(top(der))).toBeNull()
    expect(failure(hex('050100'), (d) => readNull(top(d))).message).toMatch(/no contents in NULL, found 1 bytes/)
  })

  it('writes EXPLICIT and IMPLICIT context tags', () => {
    expect(toHex(encodeExplicit(0, encodeInteger(2)))).toBe('a003020102')
    expect(toHex(encodeImplicit(1, encodeBitString(bytes(0xff))))).toBe('810200ff')
    expect(toHex(encodeImplicit(1, encodeSequence()))).toBe('a100')
    expect(() => encodeExplicit(31, encodeNull())).toThrow(TypeError)
  })

  it('sorts the elements of a SET OF, as DER requires', () => {
    expect(toHex(encodeSet(encodeInteger(2), encodeInteger(1)))).toBe('3106020101020102')
  })

  it('writes the length octets X.690 prescribes', () => {
    expect(toHex(encodeLength(127))).toBe('7f')
    expect(toHex(encodeLength(128))).toBe('8180')
    expect(toHex(encodeLength(65536))).toBe('83010000')
  })
})

describe('reading and writing times and strings', () => {
  it('reads UTCTime with the RFC 5280 century rule', () => {
    const before = encodeString('500101000000Z', DerTag.UTCTime)
    expect(readTime(before, top(before)).toISOString()).toBe('1950-01-01T00:00:00.000Z')
    const after = encodeString('491231235959Z', DerTag.UTCTime)
    expect(readTime(after, top(after)).toISOString()).toBe('2049-12-31T23:59:59.000Z')
  })

  it('reads GeneralizedTime, with and without fractions of a second', () => {
    const plain = encodeString('20500101120000Z', DerTag.GeneralizedTime)
    expect(readTime(plain, top(plain)).toISOString()).toBe('2050-01-01T12:00:00.000Z')
    const fraction = encodeString('19991231235959.5Z', DerTag.GeneralizedTime)
    expect(readTime(fraction, top(fraction)).toISOString()).toBe('1999-12-31T23:59:59.500Z')
  })

  it('rejects times that are not DER or not on the calendar', () => {
    const local = encodeString('2401011200Z', DerTag.UTCTime)
    expect(failure(local, (d) => readTime(d, top(d), 'notBefore')).message).toBe('expected notBefore in the form YYMMDDHHMMSSZ, found "2401011200Z"')
    const offset = encodeString('20240101120000+0100', DerTag.GeneralizedTime)
    expect(failure(offset, (d) => readTime(d, top(d))).message).toMatch(/YYYYMMDDHHMMSS\[\.fff\]Z/)
    const april31 = encodeString('240431000000Z', DerTag.UTCTime)
    expect(failure(april31, (d) => readTime(d, top(d))).message).toMatch(/real calendar date/)
    expect(failure(encodeNull(), (d) => readTime(d, top(d))).message).toMatch(/expected UTCTime or GeneralizedTime/)
  })

  it('writes UTCTime up to 2049 and GeneralizedTime from 2050', () => {
    expect(new TextDecoder().decode(encodeTime(new Date('2049-06-01T01:02:03Z')).subarray(2))).toBe('490601010203Z')
    expect(encodeTime(new Date('2049-06-01T01:02:03Z'))[0]).toBe(DerTag.UTCTime)
    const later = encodeTime(new Date('2050-06-01T01:02:03Z'))
    expect(later[0]).toBe(DerTag.GeneralizedTime)
    expect(readTime(later, top(later)).toISOString()).toBe('2050-06-01T01:02:03.000Z')
  })

  it('decodes the string types certificates use', () => {
    const cases: [Uint8Array, string][] = [
      [encodeString('Zürich ✓'), 'Zürich ✓'],
      [encodeString('Demo Ltd', DerTag.PrintableString), 'Demo Ltd'],
      [encodeString('a@example.com', DerTag.IA5String), 'a@example.com'],
      [hex('1e0600e9004100df'), 'éAß'],
      [hex('1c080001f60000000041'), '😀A'],
      [hex('1403e96c65'), 'éle'],
    ]
    for (const [der, text] of cases) expect(readString(der, top(der))).toBe(text)
  })

  it('rejects strings that are not what their type says', () => {
    expect(failure(hex('0c02c328'), (d) => readString(d, top(d), 'the CN')).message).toBe('expected UTF-8 in the CN, found bytes that are not UTF-8')
    expect(failure(hex('1301e9'), (d) => readString(d, top(d))).message).toMatch(/expected ASCII .* found the byte 0xe9/)
    expect(failure(hex('1e0300e9ff'), (d) => readString(d, top(d))).message).toMatch(/multiple of 2 bytes/)
    expect(failure(encodeInteger(1), (d) => readString(d, top(d))).message).toMatch(/expected a string type/)
    expect(() => encodeString('é', DerTag.PrintableString)).toThrow(TypeError)
  })
})

describe('the readDer boundary', () => {
  it('returns a typed failure instead of throwing for malformed DER', () => {
    const result = readDer(bytes(0x30, 0x10), (der) => readChildren(der, readTlv(der, 0)))
    expect(result).toEqual({ ok: false, error: { offset: 0, end: 2, message: 'SEQUENCE at byte 0 says its contents are 16 bytes long, but only 0 bytes follow' } })
  })

  it('lets errors that are not DerError through, since they are bugs', () => {
    expect(() => readDer(bytes(), () => { throw new RangeError('bug') })).toThrow(RangeError)
    expect(new DerError(5, 2, 'x').end).toBe(5)
  })

  it('never throws for any bytes when walking every TLV it can find', () => {
    const walk = (der: Uint8Array, start: number, end: number): void => {
      for (let at = start; at < end; ) {
        const tlv = readTlv(der, at, end)
        if (tlv.tag & 0x20) walk(der, tlv.contents[0], tlv.contents[1])
        at = tlv.end
      }
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (der) => {
        const result = readDer(der, (d) => walk(d, 0, d.length))
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0)
          expect(result.error.end).toBeLessThanOrEqual(Math.max(der.length, result.error.offset + 2))
        }
      }),
      { numRuns: 500 },
    )
  })
})
