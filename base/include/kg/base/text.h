// UTF-8 helpers and the text keys used to merge and look up entity names.
//
// Thread safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

// Decodes the code point starting at text[pos]; sets *len to its byte length.
// Invalid bytes decode as U+FFFD with length 1.
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* len);
void AppendUtf8(char32_t cp, std::string* out);
// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);
size_t CountCodePoints(std::string_view text);

// Folded form for matching names: accents removed, case folded, every run of
// non-alphanumeric characters turned into one space, trimmed.
// "États-Unis" -> "etats unis", "l’IA" -> "l ia".
std::string FoldName(std::string_view text);
// Merge key: FoldName without spaces. "Open AI" and "OpenAI" -> "openai".
std::string MergeKey(std::string_view text);
// Stable ASCII identifier: FoldName with spaces as '-'. Never empty ("entity"
// when the name has no letter or digit left).
std::string Slug(std::string_view text);

// Unicode letter classes used by the tokenizer.
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);  // includes no-break spaces and line breaks
// Lowercases a UTF-8 string (simple case mapping, locale-independent).
std::string ToLower(std::string_view text);
// Uppercases the first code point, lowercases the rest.
std::string ToTitle(std::string_view text);

}  // namespace kg
