#include "kg/extract/affix_dictionary.h"

#include <algorithm>
#include <charconv>

#include "kg/base/atomic_file.h"
#include "kg/base/text.h"

namespace kg {

namespace {

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// 64-bit FNV-1a, extendable: the hash of a stem is its prefix's hash
// extended by the strip string, so most absent stems are never built.
constexpr uint64_t kFnvBasis = 14695981039346656037ull;
inline uint64_t FnvExtend(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Hunspell's capitalisation classes of a word.
enum class CapType { kNone, kInitial, kAll, kMixed };

CapType CapTypeOf(std::string_view w) {
  size_t caps = 0, neutral = 0, chars = 0;
  bool first_cap = false;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    char32_t c = DecodeUtf8(w, i, &len);
    bool upper = IsUpper(c);
    if (upper) {
      ++caps;
      if (i == 0) first_cap = true;
    } else if (!IsLower(c)) {
      ++neutral;
    }
    ++chars;
    i += len;
  }
  if (caps == 0) return CapType::kNone;
  if (caps == 1 && first_cap) return CapType::kInitial;
  if (caps == chars || caps + neutral == chars) return CapType::kAll;
  return CapType::kMixed;
}

}  // namespace

bool AffixDictionary::Rule::HasCont(Flag f) const { return f != 0 && std::binary_search(cont.begin(), cont.end(), f); }
bool AffixDictionary::Entry::HasFlag(Flag f) const { return f != 0 && std::binary_search(flags.begin(), flags.end(), f); }

bool AffixDictionary::ParseFlags(std::string_view s, std::vector<Flag>* out) const {
  out->clear();
  if (long_flags_) {
    if (s.size() % 2 != 0) return false;
    for (size_t i = 0; i < s.size(); i += 2) {
      out->push_back(static_cast<Flag>(static_cast<unsigned char>(s[i]) << 8 | static_cast<unsigned char>(s[i + 1])));
    }
  } else {
    for (char c : s) out->push_back(static_cast<unsigned char>(c));
  }
  std::sort(out->begin(), out->end());
  return true;
}

StatusOr<std::unique_ptr<const AffixDictionary>> AffixDictionary::Load(const std::string& aff_path,
                                                                         const std::string& dic_path) {
  std::unique_ptr<AffixDictionary> d(new AffixDictionary());
  std::string aff, dic;
  Status s = ReadFile(aff_path, &aff);
  if (!s.ok()) return s;
  s = ReadFile(dic_path, &dic);
  if (!s.ok()) return s;
  s = d->ParseAff(aff_path, aff);
  if (!s.ok()) return s;
  s = d->ParseDic(dic_path, dic);
  if (!s.ok()) return s;
  d->Index();
  return std::unique_ptr<const AffixDictionary>(std::move(d));
}

Status AffixDictionary::ParseAff(const std::string& path, const std::string& text) {
  std::vector<std::string_view> lines;
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    lines.push_back(std::string_view(text).substr(p, e - p));
    p = e + 1;
  }
  auto flag_of = [&](std::string_view f, Flag* out) {
    std::vector<Flag> v;
    if (!ParseFlags(f, &v) || v.size() != 1) return false;
    *out = v[0];
    return true;
  };
  auto bad = [&](size_t line, const std::string& what) {
    return InvalidInput(path + ":" + std::to_string(line + 1) + ": " + what);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string_view> f = Fields(lines[i]);
    if (f.empty() || f[0][0] == '#') continue;
    std::string_view key = f[0];
    if (key == "SET" && f.size() >= 2 && f[1] != "UTF-8") return bad(i, "only UTF-8 dictionaries are read");
    if (key == "FLAG" && f.size() >= 2) {
      if (f[1] == "long") long_flags_ = true;
      else return bad(i, "unsupported flag type " + std::string(f[1]));
    }
    // Features this reader does not implement: the caller falls back to Hunspell.
    if (key == "COMPOUNDRULE" || key == "COMPOUNDMIN") compounds_ = true;
    if (key == "AF" || key == "AM" || key == "COMPLEXPREFIXES" || key == "COMPOUNDFLAG" || key == "COMPOUNDBEGIN" ||
        key == "LANG" || key == "IGNORE" || key == "CHECKSHARPS") {
      return bad(i, "unsupported directive " + std::string(key));
    }
    if (key == "FULLSTRIP") fullstrip_ = true;
    if ((key == "NEEDAFFIX" || key == "FORBIDDENWORD" || key == "CIRCUMFIX" || key == "ONLYINCOMPOUND") &&
        f.size() >= 2) {
      Flag* target = key == "NEEDAFFIX" ? &needaffix_ : key == "FORBIDDENWORD" ? &forbidden_
                   : key == "CIRCUMFIX" ? &circumfix_ : &onlyincompound_;
      if (!flag_of(f[1], target)) return bad(i, "bad flag");
    }
    if ((key == "ICONV" || key == "OCONV") && f.size() == 2) {
      size_t n = 0;
      std::from_chars(f[1].data(), f[1].data() + f[1].size(), n);
      auto& table = (key == "ICONV" ? iconv_ : oconv_).pairs;
      for (size_t k = 0; k < n && i + 1 < lines.size(); ++k) {
        std::vector<std::string_view> r = Fields(lines[++i]);
        if (r.size() < 3 || r[0] != key) return bad(i, "bad " + std::string(key) + " line");
        table.emplace_back(std::string(r[1]), std::string(r[2]));
      }
    }
    if ((key == "PFX" || key == "SFX") && f.size() == 4 && (f[2] == "Y" || f[2] == "N")) {
      Flag flag;
      if (!flag_of(f[1], &flag)) return bad(i, "bad affix flag");
      size_t n = 0;
      std::from_chars(f[3].data(), f[3].data() + f[3].size(), n);
      for (size_t k = 0; k < n && i + 1 < lines.size(); ++k) {
        std::vector<std::string_view> r = Fields(lines[++i]);
        if (r.size() < 4 || r[0] != key) return bad(i, "bad affix rule");
        Rule rule;
        rule.suffix = key == "SFX";
        rule.cross = f[2] == "Y";
        rule.flag = flag;
        rule.strip = r[2] == "0" ? "" : std::string(r[2]);
        std::string_view affix = r[3];
        size_t slash = affix.find('/');
        if (slash != std::string_view::npos) {
          if (!ParseFlags(affix.substr(slash + 1), &rule.cont)) return bad(i, "bad continuation flags");
          affix = affix.substr(0, slash);
        }
        rule.affix = affix == "0" ? "" : std::string(affix);
        std::string_view cond = r.size() >= 5 ? r[4] : ".";
        for (size_t c = 0; c < cond.size();) {
          CondChar cc;
          size_t len;
          if (cond[c] == '.') {
            cc.any = true;
            ++c;
          } else if (cond[c] == '[') {
            size_t close = cond.find(']', c);
            if (close == std::string_view::npos) return bad(i, "bad condition");
            size_t p = c + 1;
            if (p < close && cond[p] == '^') {
              cc.negated = true;
              ++p;
            }
            while (p < close) {
              cc.chars.push_back(DecodeUtf8(cond, p, &len));
              p += len;
            }
            c = close + 1;
          } else {
            cc.chars.push_back(DecodeUtf8(cond, c, &len));
            c += len;
          }
          rule.cond.push_back(std::move(cc));
        }
        for (size_t m = 5; m < r.size(); ++m) {
          if (!rule.morph.empty()) rule.morph.push_back(' ');
          rule.morph.append(r[m]);
        }
        rules_.push_back(std::move(rule));
      }
    }
  }
  return Status::Ok();
}

void AffixDictionary::AddEntry(std::string word, std::vector<Flag> flags, std::string data, bool hidden) {
  if (distinct_ * 2 >= slots_.size()) {
    // Grow the table of first entries (open addressing by hash).
    size_t n = slots_.empty() ? 1024 : slots_.size() * 2;
    std::vector<uint32_t> old = std::move(slots_);
    slots_.assign(n, UINT32_MAX);
    for (uint32_t first : old) {
      if (first == UINT32_MAX) continue;
      size_t i = entries_[first].hash & (n - 1);
      while (slots_[i] != UINT32_MAX) i = (i + 1) & (n - 1);
      slots_[i] = first;
    }
  }
  uint64_t hash = FnvExtend(kFnvBasis, word);
  size_t i = Probe(word, hash);
  if (slots_[i] != UINT32_MAX) {
    if (hidden) return;
    uint32_t last = slots_[i];
    while (entries_[last].next != UINT32_MAX) last = entries_[last].next;
    // A real word takes over a hidden homonym's place (and, as in Hunspell,
    // keeps its fields).
    if (entries_[last].hidden) {
      entries_[last].flags = std::move(flags);
      entries_[last].hidden = false;
      return;
    }
    entries_[last].next = static_cast<uint32_t>(entries_.size());
  } else {
    slots_[i] = static_cast<uint32_t>(entries_.size());
    ++distinct_;
  }
  Entry e;
  e.word = std::move(word);
  e.flags = std::move(flags);
  e.data = std::move(data);
  e.hidden = hidden;
  e.hash = hash;
  entries_.push_back(std::move(e));
}

Status AffixDictionary::ParseDic(const std::string& path, const std::string& text) {
  size_t p = text.find('\n');  // the first line is the entry count
  if (p == std::string::npos) return InvalidInput(path + ": no entries");
  size_t line_no = 1;
  entries_.reserve(text.size() / 30);
  while (++p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    std::string_view line = std::string_view(text).substr(p, e - p);
    p = e;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    // Fields start at the first "xx:" after a blank; a tab also starts them.
    size_t data = std::string_view::npos;
    for (size_t c = line.find(':'); c != std::string_view::npos; c = line.find(':', c + 1)) {
      if (c > 3 && (line[c - 3] == ' ' || line[c - 3] == '\t')) {
        data = c - 2;
        break;
      }
    }
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos && (data == std::string_view::npos || tab < data)) data = tab + 1;
    std::string_view head = Trim(line.substr(0, data == std::string_view::npos ? line.size() : data));
    std::string_view fields = data == std::string_view::npos ? std::string_view() : Trim(line.substr(data));
    // "\/" is a slash in the word; a slash at the very start too.
    std::string word;
    std::string_view flag_text;
    for (size_t c = 0; c < head.size(); ++c) {
      if (head[c] == '\\' && c + 1 < head.size() && head[c + 1] == '/') {
        word.push_back('/');
        ++c;
      } else if (head[c] == '/' && c > 0) {
        flag_text = head.substr(c + 1);
        break;
      } else {
        word.push_back(head[c]);
      }
    }
    std::vector<Flag> flags;
    if (!ParseFlags(flag_text, &flags)) {
      return InvalidInput(path + ":" + std::to_string(line_no) + ": bad flags");
    }
    // Like Hunspell: a mixed-case word, or an all-capitals word with flags,
    // also gets a hidden capitalised homonym ("BBC" -> "Bbc"), unless the
    // capitalised word exists; analyses show it.
    CapType cap = CapTypeOf(word);
    bool hidden = (cap == CapType::kMixed || (cap == CapType::kAll && !flags.empty())) &&
                  !(forbidden_ && std::binary_search(flags.begin(), flags.end(), forbidden_));
    std::string title = hidden ? ToTitle(word) : std::string();
    std::vector<Flag> title_flags = hidden ? flags : std::vector<Flag>();
    AddEntry(std::move(word), std::move(flags), std::string(fields), false);
    if (hidden) AddEntry(std::move(title), std::move(title_flags), std::string(fields), true);
  }
  return Status::Ok();
}

AffixDictionary::AffixGroup& AffixDictionary::AffixIndex::Add(const std::string& affix, uint64_t hash) {
  auto [it, added] = by_affix.emplace(affix, static_cast<uint32_t>(groups.size()));
  if (added) groups.push_back({affix, hash, {}});
  return groups[it->second];
}

void AffixDictionary::AffixIndex::Seal() {
  by_affix.clear();
  size_t n = 1;
  while (n < groups.size() * 2) n <<= 1;
  slots.assign(n, UINT32_MAX);
  for (uint32_t g = 0; g < groups.size(); ++g) {
    size_t i = groups[g].hash & (n - 1);
    while (slots[i] != UINT32_MAX) i = (i + 1) & (n - 1);
    slots[i] = g;
  }
}

const AffixDictionary::AffixGroup* AffixDictionary::AffixIndex::Find(std::string_view affix, uint64_t hash) const {
  size_t mask = slots.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint32_t g = slots[i];
    if (g == UINT32_MAX) return nullptr;
    if (groups[g].hash == hash && groups[g].affix == affix) return &groups[g];
  }
}

void AffixDictionary::Index() {
  for (ConvTable* t : {&iconv_, &oconv_}) {
    for (uint32_t p = 0; p < t->pairs.size(); ++p) {
      if (!t->pairs[p].first.empty()) t->by_first[static_cast<unsigned char>(t->pairs[p].first[0])].push_back(p);
    }
  }
  if (slots_.empty()) slots_.assign(1, UINT32_MAX);
  bloom_.assign(std::max<size_t>(1, slots_.size() * 8 / 64), 0);
  for (uint32_t first : slots_) {
    if (first == UINT32_MAX) continue;
    size_t bit = BloomBit(entries_[first].hash);
    bloom_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  // A stem takes a prefix and a suffix together only if an entry of it
  // carries the prefix's flag, or the suffix rule has that flag among its
  // continuations. The words flagged for the cross prefixes no suffix rule
  // continues get a filter of their own: the suffix analyses of stems under
  // those prefixes only (tried for most words: French has an empty prefix
  // and one-letter unit prefixes) stop there.
  continued_.assign(1u << 16, false);
  for (const Rule& r : rules_) {
    if (r.suffix) for (Flag f : r.cont) continued_[f] = true;
  }
  std::vector<bool> filtered(1u << 16, false);
  for (const Rule& r : rules_) {
    if (!r.suffix && r.cross && !continued_[r.flag]) filtered[r.flag] = true;
  }
  auto flagged = [&](const Entry& e) { return std::any_of(e.flags.begin(), e.flags.end(), [&](Flag f) { return filtered[f]; }); };
  size_t count = static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(), flagged));
  size_t words = 1;
  while (words * 64 < count * 16) words <<= 1;
  prefixed_bloom_.assign(words, 0);
  for (const Entry& e : entries_) {
    if (!flagged(e)) continue;
    size_t bit = (e.hash >> 40) & (words * 64 - 1);
    prefixed_bloom_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    AffixIndex& index = rule.suffix ? suffixes_ : prefixes_;
    size_t& longest = rule.suffix ? max_suffix_ : max_prefix_;
    longest = std::max(longest, rule.affix.size());
    uint64_t hash = kFnvBasis;
    if (rule.suffix) {
      for (size_t i = rule.affix.size(); i-- > 0;) hash = FnvExtend(hash, std::string_view(rule.affix).substr(i, 1));
    } else {
      hash = FnvExtend(hash, rule.affix);
    }
    AffixGroup& group = index.Add(rule.affix, hash);
    auto s = std::find_if(group.strips.begin(), group.strips.end(),
                          [&](const StripGroup& g) { return g.strip == rule.strip; });
    if (s == group.strips.end()) {
      group.strips.push_back({rule.strip, {}});
      s = group.strips.end() - 1;
    }
    s->rules.emplace_back(rule.flag, r);
  }
  // Every end of a suffix (start of a prefix) gets a group, empty if no
  // affix is just that: the affix loops stop at the first length with no
  // group, as no longer affix can match either.
  for (AffixIndex* index : {&suffixes_, &prefixes_}) {
    bool suffix = index == &suffixes_;
    std::vector<std::string> affixes;
    for (const AffixGroup& g : index->groups) affixes.push_back(g.affix);
    for (const std::string& affix : affixes) {
      uint64_t hash = kFnvBasis;
      for (size_t k = 0; k < affix.size(); ++k) {
        std::string part = suffix ? affix.substr(affix.size() - k) : affix.substr(0, k);
        index->Add(part, hash);
        hash = FnvExtend(hash, std::string_view(affix).substr(suffix ? affix.size() - 1 - k : k, 1));
      }
    }
  }
  suffixes_.Seal();
  prefixes_.Seal();
}

size_t AffixDictionary::Probe(std::string_view word, uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i] != UINT32_MAX && !(entries_[slots_[i]].hash == hash && entries_[slots_[i]].word == word)) {
    i = (i + 1) & mask;
  }
  return i;
}

size_t AffixDictionary::BloomBit(uint64_t hash) const { return (hash >> 40) & (bloom_.size() * 64 - 1); }

bool AffixDictionary::MayHave(uint64_t hash) const {
  size_t bit = BloomBit(hash);
  return bloom_[bit >> 6] >> (bit & 63) & 1;
}

bool AffixDictionary::MayTakePrefix(uint64_t hash) const {
  size_t bit = (hash >> 40) & (prefixed_bloom_.size() * 64 - 1);
  return prefixed_bloom_[bit >> 6] >> (bit & 63) & 1;
}

const AffixDictionary::Entry* AffixDictionary::Find(std::string_view word, uint64_t hash) const {
  if (!MayHave(hash)) return nullptr;
  uint32_t e = slots_[Probe(word, hash)];
  return e == UINT32_MAX ? nullptr : &entries_[e];
}

const AffixDictionary::Entry* AffixDictionary::Next(const Entry* h) const {
  return h->next == UINT32_MAX ? nullptr : &entries_[h->next];
}

const AffixDictionary::Entry* AffixDictionary::Find(std::string_view word) const {
  return Find(word, FnvExtend(kFnvBasis, word));
}

bool AffixDictionary::Matches(const std::vector<CondChar>& cond, std::string_view stem, bool at_end) {
  if (cond.empty()) return true;
  // The stem's first or last cond.size() code points.
  char32_t buf[16];
  size_t n = cond.size();
  if (n > 16) return false;
  if (at_end) {
    size_t have = 0;
    size_t pos = stem.size();
    while (have < n && pos > 0) {
      size_t start = pos - 1;
      while (start > 0 && (static_cast<unsigned char>(stem[start]) & 0xC0) == 0x80) --start;
      size_t len;
      buf[n - 1 - have] = DecodeUtf8(stem, start, &len);
      ++have;
      pos = start;
    }
    if (have < n) return false;
  } else {
    size_t have = 0, pos = 0;
    while (have < n && pos < stem.size()) {
      size_t len;
      buf[have++] = DecodeUtf8(stem, pos, &len);
      pos += len;
    }
    if (have < n) return false;
  }
  for (size_t k = 0; k < n; ++k) {
    const CondChar& c = cond[k];
    if (c.any) continue;
    bool in = c.chars.find(buf[k]) != std::u32string::npos;
    if (in == c.negated) return false;
  }
  return true;
}

void AffixDictionary::AppendRoot(const Entry& e, std::string* line) {
  if (e.data.find("st:") == std::string::npos) {
    line->append(" st:");
    line->append(e.word);
  }
  if (!e.data.empty()) {
    line->push_back(' ');
    line->append(e.data);
  }
}

void AffixDictionary::AppendFlag(Flag f, std::string* line) const {
  line->append(" fl:");
  if (long_flags_) line->push_back(static_cast<char>(f >> 8));
  line->push_back(static_cast<char>(f & 0xFF));
}

bool AffixDictionary::SuffixAnalyses(std::string_view word, const std::vector<const Rule*>* prefixes, bool hidden_ok,
                                     std::vector<std::string>* out) const {
  if (word.size() >= 64) return false;
  size_t max = std::min(word.size(), max_suffix_);
  uint64_t prefix_hash[64];
  prefix_hash[0] = kFnvBasis;
  for (size_t i = 0; i < word.size(); ++i) prefix_hash[i + 1] = FnvExtend(prefix_hash[i], word.substr(i, 1));
  static const std::vector<const Rule*> kNoPrefix = {nullptr};
  const std::vector<const Rule*>& with = prefixes ? *prefixes : kNoPrefix;
  // Under prefixes no suffix rule continues, only the stems of words
  // flagged for them can match.
  bool flagged_only = prefixes && std::none_of(prefixes->begin(), prefixes->end(),
                                               [&](const Rule* p) { return continued_[p->flag]; });
  std::string stem;
  std::vector<std::pair<uint32_t, std::string>> found;
  uint64_t suffix_hash = kFnvBasis;
  for (size_t k = 0; k <= max; ++k) {
    if (k > 0) suffix_hash = FnvExtend(suffix_hash, word.substr(word.size() - k, 1));
    const AffixGroup* g = suffixes_.Find(word.substr(word.size() - k), suffix_hash);
    if (!g) break;  // no suffix ends with these k bytes
    if (g->strips.empty()) continue;
    size_t rest = word.size() - k;
    if (rest == 0 && !fullstrip_) continue;
    // Like Hunspell: rules of one suffix, the latest in the file first.
    found.clear();
    for (const StripGroup& s : g->strips) {
      if (rest == 0 && s.strip.empty()) continue;
      uint64_t hash = FnvExtend(prefix_hash[rest], s.strip);
      if (flagged_only ? !MayTakePrefix(hash) : !MayHave(hash)) continue;
      stem.assign(word.substr(0, rest));
      stem.append(s.strip);
      const Entry* first = Find(stem, hash);
      if (!first) continue;
      for (const Entry* h = first; h; h = Next(h)) {
        if (h->hidden && !hidden_ok) continue;
        for (const auto& [flag, index] : s.rules) {
          const Rule& r = rules_[index];
          for (const Rule* prefix : with) {
            if (!h->HasFlag(flag) && !(prefix && prefix->HasCont(flag))) continue;
            if (prefix && !(r.cross && (h->HasFlag(prefix->flag) || r.HasCont(prefix->flag)))) continue;
            bool pc = prefix && prefix->HasCont(circumfix_), sc = r.HasCont(circumfix_);
            if (circumfix_ && pc != sc) continue;
            if (r.HasCont(needaffix_) && !(prefix && !prefix->HasCont(needaffix_))) continue;
            if (r.HasCont(onlyincompound_)) continue;
            if (!Matches(r.cond, stem, true)) continue;
            if (!out) return true;  // only asked whether there is one
            // An affix without fields shows as its flag, as Hunspell does.
            std::string line;
            if (prefix) {
              if (!prefix->morph.empty()) line.append(prefix->morph).push_back(' ');
              else AppendFlag(prefix->flag, &line);
            }
            AppendRoot(*h, &line);
            if (!r.morph.empty()) line.append(" ").append(r.morph);
            else AppendFlag(r.flag, &line);
            found.emplace_back(index, std::move(line));
          }
        }
      }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [index, line] : found) out->push_back(std::move(line));
  }
  return false;
}

bool AffixDictionary::PrefixAnalyses(std::string_view word, bool hidden_ok, std::vector<std::string>* out) const {
  size_t max = std::min(word.size(), max_prefix_);
  std::string stem;
  std::vector<const Rule*> cross;
  uint64_t prefix_hash = kFnvBasis;
  for (size_t k = 0; k <= max; ++k) {
    if (k > 0) prefix_hash = FnvExtend(prefix_hash, word.substr(k - 1, 1));
    const AffixGroup* g = prefixes_.Find(word.substr(0, k), prefix_hash);
    if (!g) break;  // no prefix starts with these k bytes
    if (g->strips.empty()) continue;
    size_t rest = word.size() - k;
    if (rest == 0 && !fullstrip_) continue;
    for (const StripGroup& s : g->strips) {
      stem.assign(s.strip);
      stem.append(word.substr(k));
      if (stem.empty()) continue;
      const Entry* first = Find(stem);
      cross.clear();
      for (const auto& [flag, index] : s.rules) {
        const Rule& r = rules_[index];
        if (!Matches(r.cond, stem, false)) continue;
        for (const Entry* h = first; h; h = Next(h)) {
          if (h->hidden && !hidden_ok) continue;
          if (!h->HasFlag(flag) || r.HasCont(needaffix_) || r.HasCont(onlyincompound_)) continue;
          if (!out) return true;
          std::string line = r.morph.empty() ? r.affix : " " + r.morph;
          AppendRoot(*h, &line);
          out->push_back(std::move(line));
        }
        if (r.cross) cross.push_back(&r);
      }
      // The stem may also carry a suffix, for the prefixes that allow it.
      if (!cross.empty() && SuffixAnalyses(stem, &cross, hidden_ok, out)) return true;
    }
  }
  return false;
}

bool AffixDictionary::AnalyzeExact(const std::string& word, bool hidden_ok, std::vector<std::string>* out) const {
  if (const Entry* first = Find(word)) {
    for (const Entry* h = first; h; h = Next(h)) {
      if (h->HasFlag(forbidden_) || h->HasFlag(needaffix_) || h->HasFlag(onlyincompound_)) continue;
      if (h->hidden && !hidden_ok) continue;
      if (!out) return true;
      std::string line;
      AppendRoot(*h, &line);
      out->push_back(std::move(line));
    }
  }
  if (PrefixAnalyses(word, hidden_ok, out)) return true;
  return SuffixAnalyses(word, nullptr, hidden_ok, out);
}

std::string AffixDictionary::Convert(std::string_view word, const ConvTable& table) {
  bool any = false;
  for (char c : word) any |= !table.by_first[static_cast<unsigned char>(c)].empty();
  if (!any) return std::string(word);
  // At each position the longest pattern wins.
  std::string out;
  for (size_t i = 0; i < word.size();) {
    size_t best = 0;
    const std::string* to = nullptr;
    for (uint32_t p : table.by_first[static_cast<unsigned char>(word[i])]) {
      const auto& [from, repl] = table.pairs[p];
      if (from.size() > best && word.compare(i, from.size(), from) == 0) {
        best = from.size();
        to = &repl;
      }
    }
    if (to) {
      out.append(*to);
      i += best;
    } else {
      out.push_back(word[i++]);
    }
  }
  return out;
}

namespace {

// The spellings Hunspell tries for a word, in its order: a capitalised word
// in lower case first, a word in capitals also in lower case and capitalised.
std::vector<std::string> CaseForms(const std::string& word, CapType cap) {
  switch (cap) {
    case CapType::kInitial:
      return {ToLower(word), word};
    case CapType::kAll:
      return {word, ToLower(word), ToTitle(word)};
    default:
      return {word};
  }
}

}  // namespace

void AffixDictionary::Analyze(std::string_view input, std::vector<std::string>* out) const {
  if (input.empty() || input.size() >= 64) return;
  std::string word = Convert(input, iconv_);
  std::vector<std::string> lines;
  for (const std::string& form : CaseForms(word, CapTypeOf(word))) AnalyzeExact(form, true, &lines);
  // Duplicates removed, first occurrences kept in order.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::find(lines.begin(), lines.begin() + i, lines[i]) != lines.begin() + i) continue;
    out->push_back(Convert(lines[i], oconv_));
  }
}

bool AffixDictionary::Accepts(std::string_view input) const {
  if (input.empty() || input.size() >= 64) return false;
  if (input.find_first_not_of('.') == std::string_view::npos) return true;  // Hunspell: only dots
  if (AcceptsWhole(input)) return true;
  // Hunspell's default word breaks: at a hyphen both sides must be words
  // (first and last hyphen tried), a leading or trailing hyphen goes. A word
  // in capitals is broken in its capitalised form ("AP-HP" as "Ap-hp").
  std::string title;
  if (CapTypeOf(input) == CapType::kAll) {
    title = ToTitle(input);
    input = title;
  }
  size_t hyphens = static_cast<size_t>(std::count(input.begin(), input.end(), '-'));
  if (hyphens == 0 || hyphens > 10) return false;
  if (input.front() == '-' && Accepts(input.substr(1))) return true;
  if (input.back() == '-' && Accepts(input.substr(0, input.size() - 1))) return true;
  for (size_t at : {input.find('-'), input.rfind('-')}) {
    if (at > 0 && at + 1 < input.size() && Accepts(input.substr(at + 1)) && Accepts(input.substr(0, at))) return true;
  }
  return false;
}

bool AffixDictionary::HasCaseExact(std::string_view input) const {
  if (input.empty() || input.size() >= 64) return false;
  return AnalyzeExact(Convert(input, iconv_), false, nullptr);
}

uint64_t AffixDictionary::LetterBit(char32_t flag) {
  if (flag >= 'A' && flag <= 'Z') return uint64_t{1} << (flag - 'A');
  if (flag >= 'a' && flag <= 'z') return uint64_t{1} << (26 + flag - 'a');
  return uint64_t{1} << 62;
}

uint64_t AffixDictionary::LetterFlags(std::string_view word) const {
  uint64_t bits = 0;
  for (const Entry* e = Find(word); e != nullptr; e = Next(e)) {
    if (e->word != word) continue;
    bits |= uint64_t{1} << 63;
    for (Flag f : e->flags) bits |= LetterBit(f);
  }
  return bits;
}

bool AffixDictionary::AcceptsWhole(std::string_view input) const {
  std::string word = Convert(input, iconv_);
  // Like Hunspell's spell check: any of the case forms it tries, hidden
  // capitalised homonyms only for a word in capitals. (Only whether an
  // analysis exists is asked: none is spelled out.)
  CapType cap = CapTypeOf(word);
  for (const std::string& form : CaseForms(word, cap)) {
    if (AnalyzeExact(form, cap == CapType::kAll, nullptr)) return true;
  }
  return false;
}

}  // namespace kg
