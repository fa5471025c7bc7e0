#include "kg/extract/lexicon.h"

#include <rapidjson/document.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "kg/base/atomic_file.h"
#include "kg/base/json_parse.h"
#include "kg/base/text.h"
#include "lexicon_data.h"

namespace kg {

namespace data {

std::vector<std::string_view> Lines(std::string_view file) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= file.size()) {
    size_t nl = file.find('\n', pos);
    if (nl == std::string_view::npos) nl = file.size();
    std::string_view line = file.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '#') continue;
    while (!line.empty() && (line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ')) line.remove_prefix(1);
    if (!line.empty()) out.push_back(line);
    if (nl == file.size()) break;
  }
  return out;
}

}  // namespace data

namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

template <typename Set>
void LoadSet(std::string_view file, Set* set) {
  for (auto line : data::Lines(file)) set->Insert(line);
}

int CountWords(const std::string& folded) {
  return folded.empty() ? 0 : 1 + static_cast<int>(std::count(folded.begin(), folded.end(), ' '));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

void Lexicon::IndexPhrase(const std::string& phrase, int index, bool override_existing) {
  std::string key = FoldName(phrase);
  if (key.empty()) return;
  std::string merge = MergeKey(phrase);
  if (override_existing) {
    phrases_[key] = index;
    keys_[merge] = index;
  } else {
    phrases_.Emplace(key, index);
    keys_.Emplace(merge, index);
  }
  for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
    prefixes_.Emplace(std::string_view(key).substr(0, sp), -1);
  }
  *prefixes_.Emplace(key, -1).first = *phrases_.Find(key);
  max_words_ = std::max(max_words_, CountWords(key));
}

namespace {

// Names from user files: cleaned as every output text is (CleanText: no
// control characters, noncharacters or invalid UTF-8), runs of spaces one.
std::string CleanName(const std::string& s) {
  std::string out;
  for (char c : CleanText(s, true)) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

void Lexicon::AddEntry(GazetteerEntry entry) {
  entry.name = CleanName(entry.name);
  for (auto& a : entry.aliases) a = CleanName(a);
  int index = static_cast<int>(entries_.size());
  bool user = entry.user;
  has_user_ = has_user_ || user;
  entries_.push_back(std::move(entry));
  const GazetteerEntry& e = entries_.back();
  IndexPhrase(e.name, index, user);
  for (const auto& a : e.aliases) IndexPhrase(a, index, user);
  if (!user) {
    // Phrases of several words only: "les démocrates", "le coronavirus" in
    // lower case are common nouns.
    auto lower_phrase = [&](const std::string& n) {
      size_t sp = n.find(' ');
      if (n.empty() || n[0] < 'a' || n[0] > 'z' || sp == std::string::npos) return;
      lower_starts_.Insert(std::string_view(n).substr(0, sp));
    };
    lower_phrase(e.name);
    for (const auto& a : e.aliases) lower_phrase(a);
  }
}

int Lexicon::FindPhrase(std::string_view folded) const {
  const int* e = phrases_.Find(folded);
  return e ? *e : -1;
}

std::string_view Lexicon::DemonymCountry(std::string_view lower) const {
  const std::string* c = demonym_countries_.Find(lower);
  return c ? std::string_view(*c) : std::string_view();
}

bool Lexicon::IsOutlet(std::string_view name) const {
  const std::string folded = FoldName(name);
  if (Has(outlets_, folded)) return true;
  const int e = FindPhrase(folded);  // "BFM TV" for "BFMTV"
  return e >= 0 && Has(outlets_, FoldName(entries_[static_cast<size_t>(e)].name));
}

int Lexicon::PlaceRank(std::string_view name) const {
  const std::string folded = FoldName(name);
  if (Has(world_regions_, folded)) return 2;
  const int e = FindPhrase(folded);
  return e >= 0 && entries_[static_cast<size_t>(e)].country ? 1 : 0;
}

int Lexicon::FindKey(std::string_view merge_key) const {
  const int* e = keys_.Find(merge_key);
  return e ? *e : -1;
}

std::string_view Lexicon::RoleRelation(std::string_view lower) const {
  const std::string* r = roles_.Find(lower);
  return r ? std::string_view(*r) : std::string_view();
}

std::string_view Lexicon::EnglishLabel(std::string_view label) const {
  const std::string* e = english_labels_.Find(label);
  return e ? std::string_view(*e) : label;
}

std::string_view Lexicon::PartRelation(std::string_view lower) const {
  const std::string* r = parts_.Find(lower);
  return r ? std::string_view(*r) : std::string_view();
}

std::optional<EntityType> Lexicon::Cue(std::string_view lower) const {
  const EntityType* t = cues_.Find(lower);
  if (!t) return std::nullopt;
  return *t;
}

Lexicon Lexicon::Builtin() {
  Lexicon lex;
  LoadSet(data::common_acronyms_txt, &lex.acronyms_);
  LoadSet(data::not_names_txt, &lex.not_names_);
  LoadSet(data::demonyms_txt, &lex.not_names_);
  LoadSet(data::gaz_demonyms_txt, &lex.not_names_);
  for (auto line : data::Lines(data::titles_txt)) {  // "garde des sceaux": "sceaux" may end one
    lex.titles_.Insert(line);
    if (const size_t space = line.rfind(' '); space != std::string_view::npos) lex.title_ends_.Insert(line.substr(space + 1));
  }
  LoadSet(data::royal_titles_txt, &lex.royal_titles_);
  LoadSet(data::media_editions_txt, &lex.media_editions_);
  for (auto line : data::Lines(data::world_regions_txt)) lex.world_regions_.Insert(FoldName(line));
  for (auto line : data::Lines(data::gaz_demonym_countries_tsv)) {
    auto cols = Split(line, '\t');
    if (cols.size() == 2) lex.demonym_countries_.Emplace(cols[0], std::string(cols[1]));
  }
  for (std::string_view list : {data::outlets_txt, data::gaz_media_txt}) {
    for (auto line : data::Lines(list)) lex.outlets_.Insert(FoldName(line));
  }
  LoadSet(data::org_heads_txt, &lex.org_heads_);
  LoadSet(data::loc_heads_txt, &lex.loc_heads_);
  LoadSet(data::loc_suffixes_txt, &lex.loc_suffixes_);
  for (auto line : data::Lines(data::lower_heads_txt)) {  // "centre hospitalier": "centre" may open one
    lex.lower_heads_.Insert(line);
    const size_t space = line.find(' ');
    if (space != std::string_view::npos) lex.lower_head_starts_.Insert(line.substr(0, space));
    lex.lower_head_words_.Insert(line.substr(0, space));
  }
  LoadSet(data::event_heads_txt, &lex.event_heads_);
  LoadSet(data::of_heads_txt, &lex.of_heads_);
  LoadSet(data::other_suffixes_txt, &lex.other_suffixes_);
  LoadSet(data::org_suffixes_txt, &lex.org_suffixes_);
  LoadSet(data::company_forms_txt, &lex.company_forms_);
  LoadSet(data::group_names_txt, &lex.group_names_);
  LoadSet(data::first_names_txt, &lex.first_names_);
  LoadSet(data::gaz_first_names_txt, &lex.first_names_);
  for (auto line : data::Lines(data::platforms_tsv)) {
    auto cols = Split(line, '\t');
    if (cols.size() >= 2 && cols[0] == "name") lex.platforms_.Insert(cols[1]);
    if (cols.size() >= 2 && cols[0] == "before") lex.platform_cues_.Insert(cols[1]);
  }
  for (auto line : data::Lines(data::cues_tsv)) {
    auto cols = Split(line, '\t');
    EntityType t;
    if (cols.size() >= 2 && ParseEntityType(cols[1], &t)) lex.cues_.Emplace(cols[0], t);
  }
  for (auto line : data::Lines(data::relations_tsv)) {
    auto cols = Split(line, '\t');
    if (cols.size() < 2) continue;
    std::string word(cols[1]);
    if (cols[0] == "modal") lex.modal_.Insert(word);
    else if (cols[0] == "speech") lex.speech_.Insert(word);
    else if (cols[0] == "saying") lex.saying_.Insert(word);
    else if (cols[0] == "light") lex.light_.Insert(word);
    else if (cols[0] == "located") lex.located_.Insert(word);
    else if (cols[0] == "outlet-case") lex.outlet_cases_.Insert(word);
    else if (cols[0] == "outlet-verb-case") lex.outlet_verb_cases_.Insert(word);
    else if (cols[0] == "outlet-speech-case") lex.outlet_speech_cases_.Insert(word);
    else if (cols[0] == "role" && cols.size() > 2) lex.roles_.Emplace(word, std::string(cols[2]));
    else if (cols[0] == "part" && cols.size() > 2) lex.parts_.Emplace(word, std::string(cols[2]));
    else if (cols[0] == "english" && cols.size() > 2) lex.english_labels_.Emplace(word, std::string(cols[2]));
  }
  auto load = [&](std::string_view file, EntityType type) {
    for (auto line : data::Lines(file)) {
      auto cols = Split(line, '\t');
      GazetteerEntry e;
      e.name = Trim(cols[0]);
      e.type = type;
      if (cols.size() > 1) {
        for (auto a : Split(cols[1], '|')) {
          std::string alias = Trim(a);
          if (!alias.empty()) e.aliases.push_back(alias);
        }
      }
      lex.AddEntry(std::move(e));
    }
  };
  load(data::locations_tsv, EntityType::kLocation);
  load(data::organizations_tsv, EntityType::kOrg);
  load(data::products_tsv, EntityType::kProduct);
  load(data::persons_tsv, EntityType::kPerson);
  load(data::other_tsv, EntityType::kOther);

  // Country and territory names in French and English, from ICU.
  const char* const* codes = icu::Locale::getISOCountries();
  icu::Locale fr("fr"), en("en");
  for (const char* const* c = codes; *c; ++c) {
    icu::Locale loc("", *c);
    icu::UnicodeString ufr, uen;
    loc.getDisplayCountry(fr, ufr);
    loc.getDisplayCountry(en, uen);
    std::string nfr = ToUtf8(ufr), nen = ToUtf8(uen);
    auto usable = [&](const std::string& n) {
      return !n.empty() && n != *c && n.find('(') == std::string::npos && n.find(" - ") == std::string::npos &&
             n.find('.') == std::string::npos && n.find('&') == std::string::npos;
    };
    bool ok_fr = usable(nfr), ok_en = usable(nen);
    if (!ok_fr && !ok_en) continue;
    int existing = ok_fr ? lex.FindPhrase(FoldName(nfr)) : -1;
    if (existing < 0 && ok_en) existing = lex.FindPhrase(FoldName(nen));
    if (existing >= 0) {
      GazetteerEntry& e = lex.entries_[static_cast<size_t>(existing)];
      if (e.type != EntityType::kLocation) continue;
      e.country = true;
      for (const std::string& n : {nfr, nen}) {
        if (usable(n) && lex.FindPhrase(FoldName(n)) < 0) {
          e.aliases.push_back(n);
          lex.IndexPhrase(n, existing, false);
        }
      }
      continue;
    }
    GazetteerEntry e;
    e.name = ok_fr ? nfr : nen;
    e.type = EntityType::kLocation;
    e.country = true;
    if (ok_fr && ok_en && nen != nfr) e.aliases.push_back(nen);
    lex.AddEntry(std::move(e));
  }
  // Open-data gazetteers after our own lists and the countries: a name
  // already listed keeps its entry and type (Georgia the country).
  lex.open_data_begin_ = static_cast<int>(lex.entries_.size());
  load(data::gaz_organizations_tsv, EntityType::kOrg);
  load(data::gaz_locations_tsv, EntityType::kLocation);
  lex.open_data_end_ = static_cast<int>(lex.entries_.size());
  return lex;
}

namespace {

Status ReadJsonGazetteer(const std::string& path, const std::string& text, std::vector<LocatedEntry>* out) {
  rapidjson::Document doc;
  JsonParse parsed = ParseJson(text, &doc);
  if (!parsed.ok) {
    return InvalidInput(path + ": invalid JSON at byte " + std::to_string(parsed.offset) + ": " + parsed.problem);
  }
  const rapidjson::Value* arr = &doc;
  if (doc.IsObject() && doc.HasMember("entities")) arr = &doc["entities"];
  if (!arr->IsArray()) return InvalidInput(path + ": expected a JSON array of {\"name\", \"type\", \"aliases\"}");
  size_t i = 0;
  for (const auto& v : arr->GetArray()) {
    ++i;
    std::string where = path + ": entry " + std::to_string(i);
    if (!v.IsObject() || !v.HasMember("name") || !v["name"].IsString()) {
      return InvalidInput(where + ": missing string \"name\"");
    }
    LocatedEntry u{where, {}};
    u.entry.user = true;
    u.entry.name = v["name"].GetString();
    std::string type = v.HasMember("type") && v["type"].IsString() ? v["type"].GetString() : "OTHER";
    if (!ParseEntityType(type, &u.entry.type)) return InvalidInput(where + ": unknown type \"" + type + "\"");
    if (v.HasMember("aliases") && v["aliases"].IsArray()) {
      for (const auto& a : v["aliases"].GetArray()) if (a.IsString()) u.entry.aliases.push_back(a.GetString());
    }
    out->push_back(std::move(u));
  }
  return Status::Ok();
}

Status ReadTsvGazetteer(const std::string& path, const std::string& text, std::vector<LocatedEntry>* out,
                        std::vector<std::string>* warnings) {
  size_t lineno = 0;
  for (auto line : Split(text, '\n')) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    auto cols = Split(line, '\t');
    LocatedEntry u{path + ":" + std::to_string(lineno), {}};
    u.entry.user = true;
    u.entry.name = Trim(cols[0]);
    if (u.entry.name.empty()) return InvalidInput(u.where + ": empty name");
    if (cols.size() < 2 && warnings) {
      warnings->push_back(u.where + ": no type column (name<TAB>type<TAB>aliases); OTHER assumed");
    }
    std::string type = cols.size() > 1 ? Trim(cols[1]) : "OTHER";
    if (!ParseEntityType(type, &u.entry.type)) {
      return InvalidInput(u.where + ": unknown type \"" + type + "\" (PERSON, ORG, LOCATION, PRODUCT or OTHER)");
    }
    if (cols.size() > 2) {
      for (auto a : Split(cols[2], '|')) {
        std::string alias = Trim(a);
        if (!alias.empty()) u.entry.aliases.push_back(alias);
      }
    }
    out->push_back(std::move(u));
  }
  return Status::Ok();
}

}  // namespace

Status Lexicon::AddUserEntries(std::vector<LocatedEntry> entries, std::vector<std::string>* warnings) {
  auto warn = [&](std::string w) {
    if (warnings) warnings->push_back(std::move(w));
  };
  for (LocatedEntry& u : entries) {
    GazetteerEntry& e = u.entry;
    e.name = CleanName(e.name);
    // Names merge by MergeKey, which keeps only letters and digits: a name
    // without any would become the catch-all node "entity".
    if (MergeKey(e.name).empty()) return InvalidInput(u.where + ": name \"" + e.name + "\" has no letter or digit");
    std::vector<std::string> aliases;
    for (std::string& a : e.aliases) {
      a = CleanName(a);
      if (MergeKey(a).empty()) warn(u.where + ": alias \"" + a + "\" has no letter or digit; ignored");
      else aliases.push_back(std::move(a));
    }
    e.aliases = std::move(aliases);
    // Distinct names with one key ("C++" and "C#", "AT&T" and "AT-T") become
    // one entity: said, since the user listed them apart.
    auto [it, added] = user_keys_.emplace(MergeKey(e.name), UserName{e.name, u.where});
    if (!added && it->second.name != e.name) {
      warn(u.where + ": \"" + e.name + "\" and \"" + it->second.name + "\" (" + it->second.where +
           ") have the same key \"" + it->first + "\" (letters and digits only) and become one entity");
    }
    AddEntry(std::move(e));
  }
  return Status::Ok();
}

Status Lexicon::AddGazetteerFile(const std::string& path, std::vector<std::string>* warnings) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  if (FindInvalidUtf8(text) != std::string::npos) return InvalidInput(path + ": not valid UTF-8");
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::vector<LocatedEntry> entries;
  size_t first = text.find_first_not_of(" \t\r\n");
  bool json = first != std::string::npos && (text[first] == '[' || text[first] == '{');
  s = json ? ReadJsonGazetteer(path, text, &entries) : ReadTsvGazetteer(path, text, &entries, warnings);
  if (!s.ok()) return s;
  return AddUserEntries(std::move(entries), warnings);
}

Status Lexicon::AddStoplistFile(const std::string& path) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  if (FindInvalidUtf8(text) != std::string::npos) return InvalidInput(path + ": not valid UTF-8");
  for (auto line : data::Lines(text)) {
    std::string key = MergeKey(line);
    if (!key.empty()) stopped_.Insert(key);
  }
  return Status::Ok();
}

}  // namespace kg
