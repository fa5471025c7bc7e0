#include "kg/export/report.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kg/base/text.h"

namespace kg {

Cell Cell::Num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return {buf, v};
}

bool ParseReportFormat(std::string_view s, ReportFormat* out) {
  if (s == "text") *out = ReportFormat::kText;
  else if (s == "tsv") *out = ReportFormat::kTsv;
  else if (s == "json") *out = ReportFormat::kJson;
  else return false;
  return true;
}

namespace {

std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

size_t Width(std::string_view s) {
  // Code points; wide CJK characters are rare enough in news labels to ignore.
  return CountCodePoints(s);
}

std::string Text(const Report& r) {
  std::string out;
  bool headings = r.tables.size() > 1;
  for (size_t ti = 0; ti < r.tables.size(); ++ti) {
    const Table& t = r.tables[ti];
    if (ti) out.push_back('\n');
    if (headings) out.append(t.name).append(":\n");
    std::vector<size_t> w(t.columns.size(), 0);
    for (size_t c = 0; c < t.columns.size(); ++c) w[c] = Width(t.columns[c]);
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size() && c < w.size(); ++c) w[c] = std::max(w[c], Width(OneLine(row[c].text)));
    }
    auto line = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
      std::string l = headings ? "  " : "";
      for (size_t c = 0; c < cells.size(); ++c) {
        size_t pad = w[c] > Width(cells[c]) ? w[c] - Width(cells[c]) : 0;
        bool last = c + 1 == cells.size();
        if (right[c]) l.append(pad, ' ').append(cells[c]);
        else l.append(cells[c]).append(last ? 0 : pad, ' ');
        if (!last) l.append("  ");
      }
      out.append(l).push_back('\n');
    };
    std::vector<bool> right(t.columns.size(), false);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      bool numeric = !t.rows.empty();
      for (const auto& row : t.rows) if (c < row.size() && !row[c].number) numeric = false;
      right[c] = numeric;
    }
    line(t.columns, right);
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const auto& cell : row) cells.push_back(OneLine(cell.text));
      cells.resize(t.columns.size());
      line(cells, right);
    }
    if (t.rows.empty()) out.append(headings ? "  " : "").append("(none)\n");
  }
  for (const auto& n : r.notes) out.append(n).push_back('\n');
  return out;
}

std::string Tsv(const Report& r) {
  std::string out;
  for (size_t ti = 0; ti < r.tables.size(); ++ti) {
    const Table& t = r.tables[ti];
    if (ti) out.push_back('\n');
    if (r.tables.size() > 1) out.append("# ").append(t.name).push_back('\n');
    for (size_t c = 0; c < t.columns.size(); ++c) out.append(c ? "\t" : "").append(t.columns[c]);
    out.push_back('\n');
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) out.append(c ? "\t" : "").append(OneLine(row[c].text));
      out.push_back('\n');
    }
  }
  return out;
}

std::string Json(const Report& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (const Table& t : r.tables) {
    w.Key(t.name.c_str(), static_cast<rapidjson::SizeType>(t.name.size()));
    w.StartArray();
    for (const auto& row : t.rows) {
      w.StartObject();
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
        w.Key(t.columns[c].c_str(), static_cast<rapidjson::SizeType>(t.columns[c].size()));
        if (row[c].number && std::isfinite(*row[c].number)) {
          double v = *row[c].number;
          if (v == std::floor(v) && std::fabs(v) < 9e15) w.Int64(static_cast<int64_t>(v));
          else w.Double(v);
        } else {
          w.String(row[c].text.c_str(), static_cast<rapidjson::SizeType>(row[c].text.size()));
        }
      }
      w.EndObject();
    }
    w.EndArray();
  }
  if (!r.notes.empty()) {
    w.Key("notes");
    w.StartArray();
    for (const auto& n : r.notes) w.String(n.c_str(), static_cast<rapidjson::SizeType>(n.size()));
    w.EndArray();
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace

std::string WriteReport(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kText: return Text(report);
    case ReportFormat::kTsv: return Tsv(report);
    case ReportFormat::kJson: return Json(report);
  }
  return {};
}

}  // namespace kg
