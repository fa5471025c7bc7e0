// Calendar dates of documents, as one number: YYYYMMDD (20200702), 0 for
// "unknown". Numbers compare as dates do, so a date range is two integers.
//
//   Date d;
//   if (ParseDate("2020-07-02T10:31:00Z", &d)) FormatDate(d);  // "2020-07-02"
//
// Accepted: ISO 8601 dates with or without a time after them (2020-07-02,
// 2020-07-02T10:31:00+02:00, 2020-07-02 10:31), YYYY/MM/DD, DD/MM/YYYY (the
// French order), YYYY-MM (the 1st of the month) and YYYY (1 January).
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

using Date = uint32_t;  // YYYYMMDD; 0 is unknown

// False (and *date untouched) when `text` holds no date in a form above, or
// an impossible one (2020-02-30, month 13).
bool ParseDate(std::string_view text, Date* date);
// "YYYY-MM-DD"; "" for 0.
std::string FormatDate(Date date);
// "YYYY-MM"; "" for 0.
std::string FormatMonth(Date date);
// The first day of the date's month (20200715 -> 20200701).
inline Date MonthOf(Date date) { return date / 100 * 100 + (date ? 1 : 0); }

// The earliest and latest of some dates; unknown dates do not count.
struct DateRange {
  Date first = 0;
  Date last = 0;
  void Add(Date d) {
    if (d == 0) return;
    if (first == 0 || d < first) first = d;
    if (d > last) last = d;
  }
  void Add(const DateRange& r) {
    Add(r.first);
    Add(r.last);
  }
  bool empty() const { return first == 0; }
  // True when some day of this range is in [from, to] (0 bounds are open).
  bool Overlaps(Date from, Date to) const {
    return !empty() && (from == 0 || last >= from) && (to == 0 || first <= to);
  }
};

}  // namespace kg
