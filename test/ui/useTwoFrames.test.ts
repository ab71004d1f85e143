import { describe, expect, it } from 'vitest'
import { changedLength } from '../../src/ui/useTwoFrames'

describe('changedLength', () => {
  it('counts the characters between what two texts share at the start and at the end', () => {
    expect(changedLength('abcdef', 'abcdef')).toBe(0)
    expect(changedLength('abcdef', 'abXdef')).toBe(1)
    expect(changedLength('abcdef', 'abdef')).toBe(1)
    expect(changedLength('abcdef', 'abc123def')).toBe(3)
    expect(changedLength('', 'pasted')).toBe(6)
    expect(changedLength('old token', 'new token')).toBe(3)
    expect(changedLength('old token', 'new token!')).toBe(10)
  })

  it('does not count a repeated character twice where the shared start and end overlap', () => {
    expect(changedLength('aaaa', 'aaaaa')).toBe(1)
    expect(changedLength('aaaaa', 'aa')).toBe(3)
  })
})
