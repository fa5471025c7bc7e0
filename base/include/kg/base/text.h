// UTF-8 helpers and the text keys used to merge and look up entity names.
//
// Thread safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Decodes the code point starting at text[pos]; sets *len to its byte length.
// Invalid bytes decode as U+FFFD with length 1. (ASCII inline, the rest out
// of line: these run for every character of the input.)
char32_t DecodeUtf8Multibyte(std::string_view text, size_t pos, size_t* len);
inline char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* len) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    *len = 1;
    return static_cast<unsigned char>(text[pos]);
  }
  return DecodeUtf8Multibyte(text, pos, len);
}
void AppendUtf8(char32_t cp, std::string* out);
// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);
size_t CountCodePoints(std::string_view text);

// Code points no output of kg may hold (XML 1.0 forbids some, Graphviz and
// JSON readers choke on others): C0 controls but tab, line feed and carriage
// return; DEL and the C1 controls U+0080-U+009F (U+0085 among them);
// surrogates; the noncharacters U+FDD0-U+FDEF and the last two code points
// of every plane (U+FFFE, U+FFFF, U+1FFFE...).
bool IsForbiddenCodePoint(char32_t cp);
// The one cleaning every text that reaches an output goes through (labels,
// aliases, evidence, document ids and paths), whatever it was read from:
// valid UTF-8 (invalid bytes become U+FFFD), forbidden code points become a
// space; with `one_line` (names and ids) tab, line breaks and U+2028/U+2029
// become a space too.
std::string CleanText(std::string_view text, bool one_line = false);
// Whether CleanText would change `text`.
bool NeedsCleaning(std::string_view text, bool one_line = false);
// The same on valid UTF-8, in place and byte for byte (each byte of a
// forbidden code point becomes a space, so offsets stay): for whole texts.
void BlankForbiddenCodePoints(char* text, size_t size);
inline void BlankForbiddenCodePoints(std::string* text) { BlankForbiddenCodePoints(text->data(), text->size()); }

// Folded form for matching names: accents removed, case folded, every run of
// non-alphanumeric characters turned into one space, trimmed.
// "États-Unis" -> "etats unis", "l’IA" -> "l ia".
std::string FoldName(std::string_view text);
// Merge key: FoldName without spaces. "Open AI" and "OpenAI" -> "openai".
std::string MergeKey(std::string_view text);
// MergeKey(x) from FoldName(x), without folding again (folding never makes a
// space: the spaces of FoldName are its separators).
std::string MergeKeyOfFolded(std::string_view folded);
// Stable ASCII identifier: FoldName with spaces as '-'. Never empty ("entity"
// when the name has no letter or digit left).
std::string Slug(std::string_view text);

// Unicode letter classes used by the tokenizer (ASCII answered inline).
bool IsLetterBeyondAscii(char32_t cp);
bool IsUpperBeyondAscii(char32_t cp);
bool IsLowerBeyondAscii(char32_t cp);
bool IsDigitBeyondAscii(char32_t cp);
bool IsSpaceBeyondAscii(char32_t cp);
inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return IsLetterBeyondAscii(cp);
}
inline bool IsUpper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : IsUpperBeyondAscii(cp); }
inline bool IsLower(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : IsLowerBeyondAscii(cp); }
inline bool IsDigit(char32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : IsDigitBeyondAscii(cp); }
// Includes no-break spaces and line breaks.
inline bool IsSpace(char32_t cp) { return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : IsSpaceBeyondAscii(cp); }
// Letters of Latin-1 (U+00C0-U+00FF, "C3 xx" in UTF-8) by their second
// byte: 1 lower case, 2 upper case, 0 no letter (× and ÷) or no such byte.
inline int Latin1LetterCase(unsigned char second) {
  if (second < 0x80 || second > 0xBF || second == 0x97 || second == 0xB7) return 0;
  return second < 0x9F ? 2 : 1;  // (C3 9F is ß)
}
// Lowercases a UTF-8 string (simple case mapping, locale-independent).
std::string ToLower(std::string_view text);

// The pieces of `s` between the separators (empty ones kept: "a||b" is
// "a", "", "b").
std::vector<std::string_view> Split(std::string_view s, char sep);
// The tab-separated columns of one line (an empty line is one empty column).
std::vector<std::string_view> SplitTabs(std::string_view line);
// Uppercases the first code point, lowercases the rest.
std::string ToTitle(std::string_view text);

}  // namespace kg
