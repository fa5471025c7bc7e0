#include "kg/base/date.h"

#include <cstdio>

namespace kg {

namespace {

// Reads exactly `n` digits at text[*at], advancing past them.
bool Digits(std::string_view text, size_t* at, size_t n, int* value) {
  if (*at + n > text.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = text[*at + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *at += n;
  *value = v;
  return true;
}

bool Is(std::string_view text, size_t at, char c) { return at < text.size() && text[at] == c; }

bool IsDigit(std::string_view text, size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool Make(int year, int month, int day, Date* date) {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysIn(year, month)) return false;
  *date = static_cast<Date>(year * 10000 + month * 100 + day);
  return true;
}

// What may follow a date: nothing, or a time ("T10:31", " 10:31:00").
bool EndsDate(std::string_view text, size_t at) {
  return at == text.size() || ((text[at] == 'T' || text[at] == ' ') && IsDigit(text, at + 1));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool ParseDate(std::string_view text, Date* date) {
  text = Trim(text);
  size_t at = 0;
  int a = 0, b = 0, c = 0;
  if (Digits(text, &at, 4, &a)) {  // year first
    if (at == text.size()) return Make(a, 1, 1, date);
    char sep = text[at];
    if (sep != '-' && sep != '/') return false;
    ++at;
    if (!Digits(text, &at, 2, &b)) return false;
    if (at == text.size() && sep == '-') return Make(a, b, 1, date);
    if (!Is(text, at, sep)) return false;
    ++at;
    if (!Digits(text, &at, 2, &c) || !EndsDate(text, at)) return false;
    return Make(a, b, c, date);
  }
  at = 0;  // DD/MM/YYYY
  if (!Digits(text, &at, 2, &a) || !Is(text, at, '/')) return false;
  ++at;
  if (!Digits(text, &at, 2, &b) || !Is(text, at, '/')) return false;
  ++at;
  if (!Digits(text, &at, 4, &c) || !EndsDate(text, at)) return false;
  return Make(c, b, a, date);
}

std::string FormatDate(Date date) {
  if (date == 0) return {};
  const unsigned year = date / 10000, month = date / 100 % 100, day = date % 100;
  if (year <= 9999) {  // (the writers format a date per edge and evidence: no printf)
    auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
    return {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-', digit(month / 10), digit(month),
            '-', digit(day / 10), digit(day)};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", date / 10000, date / 100 % 100, date % 100);
  return buf;
}

std::string FormatMonth(Date date) { return FormatDate(date).substr(0, 7); }

}  // namespace kg
