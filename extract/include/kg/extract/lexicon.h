// The lexical resources of extraction: gazetteers (places, organisations,
// products, people), word lists (titles, type cues, organisation heads and
// suffixes, common-noun acronyms, words that are never names), and the
// user's own gazetteer and stoplist.
//
// Built-in lists live in data/ and are compiled into the binary; country
// names in French and English come from ICU's locale data.
//
//   Lexicon lex = Lexicon::Builtin();
//   Status s = lex.AddGazetteerFile("mine.tsv");   // name<TAB>type<TAB>alias|alias
//   int e = lex.FindPhrase(FoldName("Corée du Sud"));
//
// Thread safety: const methods may be called from many threads once loading
// is done.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/base/flat_map.h"
#include "kg/base/status.h"
#include "kg/extract/document.h"

namespace kg {

struct GazetteerEntry {
  std::string name;                  // canonical label
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;
  bool user = false;                 // from --gazetteer: matched in any case, type forced
  bool country = false;              // a country or territory of ICU's list (ISO 3166)
};

// A user gazetteer entry and where it was read (FILE:LINE, FILE: entry N).
struct LocatedEntry {
  std::string where;
  GazetteerEntry entry;
};

class Lexicon {
 public:
  static Lexicon Builtin();

  // TSV (name, type, aliases separated by '|') or JSON (an array of
  // {"name", "type", "aliases"}). Later entries override earlier ones. A
  // name with no letter or digit is an error; notes (an alias with none, a
  // line with no type column, two distinct names with one merge key such as
  // "C++" and "C#") go to `warnings`, each naming FILE:LINE.
  Status AddGazetteerFile(const std::string& path, std::vector<std::string>* warnings = nullptr);
  // One name per line; '#' starts a comment. Banned names never become entities.
  Status AddStoplistFile(const std::string& path);
  void AddEntry(GazetteerEntry entry);

  // Entry index for a FoldName()-ed phrase, or -1.
  int FindPhrase(std::string_view folded) const;
  // Entry index for a MergeKey() (spacing-insensitive), or -1.
  int FindKey(std::string_view merge_key) const;
  const GazetteerEntry& entry(int index) const { return entries_[static_cast<size_t>(index)]; }
  size_t entry_count() const { return entries_.size(); }
  // Longest gazetteer phrase, in words.
  int max_phrase_words() const { return max_words_; }
  // True when some phrase starts with these folded words ("banque" or
  // "banque de" for "banque de france"): a longer run cannot match when this
  // is false.
  bool IsPhrasePrefix(std::string_view folded_words) const { return prefixes_.Contains(folded_words); }
  // Both questions in one lookup: the entry FindPhrase gives (or -1), and in
  // *prefix whether IsPhrasePrefix holds.
  int FindPhraseOrPrefix(std::string_view folded_words, bool* prefix) const {
    const int* e = prefixes_.Find(folded_words);
    *prefix = e != nullptr;
    return e ? *e : -1;
  }
  bool has_user_entries() const { return has_user_; }
  // How large a place `name` names, as a whole: 2 a continent or a region
  // of several countries (data/world_regions.txt), 1 a country or territory
  // (ICU's list, by name or alias), 0 anything else.
  int PlaceRank(std::string_view name) const;
  // True when `name` (or the gazetteer entry it names) is a medium, an
  // agency or a platform people speak or post on (data/gaz_media.txt,
  // data/outlets.txt): "France Inter", "BFMTV", "CNN", "Instagram".
  bool IsOutlet(std::string_view name) const;
  // The country a lower-case demonym names ("syrienne" -> "Syrie", "chinese"
  // -> "Chine"; data/gaz_demonym_countries.tsv), or "".
  std::string_view DemonymCountry(std::string_view lower) const;
  // True for an entry of the compiled open-data gazetteers (data/gaz_*):
  // towns and regions that may bear people's names (Leander, Lopez).
  bool IsOpenDataEntry(int index) const {
    return index >= open_data_begin_ && index < open_data_end_;
  }
  // True when a built-in phrase written in lower case starts with this word
  // as written ("gilets" of "gilets jaunes"): lower-case text is matched
  // against the gazetteers only then (and for users' entries).
  bool StartsLowerPhrase(std::string_view word) const { return Has(lower_starts_, word); }

  bool IsCommonAcronym(std::string_view word) const { return Has(acronyms_, word); }
  bool IsNotName(std::string_view lower) const { return Has(not_names_, lower); }
  bool IsTitle(std::string_view lower) const { return Has(titles_, lower); }
  // Whether a title of several words ends in `lower` ("sceaux": "garde des sceaux").
  bool MayEndTitle(std::string_view lower) const { return Has(title_ends_, lower); }
  // "Prince Charles": a title kept with one given name (data/royal_titles.txt).
  bool IsRoyalTitle(std::string_view lower) const { return Has(royal_titles_, lower); }
  // "France Bleu": a broadcaster whose editions are named by a place after
  // its name ("France Bleu Auxerre"); `lower`: its gazetteer name (data/media_editions.txt).
  bool HasPlaceEditions(std::string_view lower) const { return Has(media_editions_, lower); }
  // "Twitter": a company's name that also names its platform, which it is
  // after a platform cue ("sur Twitter", "le compte Twitter"); data/platforms.tsv.
  bool IsPlatform(std::string_view lower) const { return Has(platforms_, lower); }
  bool IsPlatformCue(std::string_view lower) const { return Has(platform_cues_, lower); }
  bool IsOrgHead(std::string_view lower) const { return Has(org_heads_, lower); }
  bool IsLocationHead(std::string_view lower) const { return Has(loc_heads_, lower); }
  bool IsOrgSuffix(std::string_view word) const { return Has(org_suffixes_, word); }
  // Legal forms and designators a company's short name drops: "Inc", "Group".
  bool IsCompanyForm(std::string_view word) const { return Has(company_forms_, word); }
  // Peoples and ethnic or religious groups, lower case: "kurds", "moslem".
  bool IsGroupName(std::string_view lower) const { return Has(group_names_, lower); }
  // Last words of place names, as written: "Road", "Bridge", "City".
  bool IsLocationSuffix(std::string_view word) const { return Has(loc_suffixes_, word); }
  // Lower-case heads that open a name when a capitalised name follows:
  // "ministère de l’Intérieur", "tribunal correctionnel de Vesoul".
  bool IsLowerHead(std::string_view lower) const { return Has(lower_heads_, lower); }
  // The first word of a lower-case head of several words ("centre" of "centre hospitalier").
  bool OpensLowerHead(std::string_view lower) const { return Has(lower_head_starts_, lower); }
  // Whether a word is a lower-case head of one word or opens one of several:
  // IsLowerHead || OpensLowerHead in one lookup.
  bool MayOpenLowerHead(std::string_view lower) const { return Has(lower_head_words_, lower); }
  // Journée, Fête, Nuit: a capitalised head opening an event's name (data/event_heads.txt).
  bool IsEventHead(std::string_view lower) const { return Has(event_heads_, lower); }
  // English heads continued by "of" and a name: "Bank" of "Bank of Canada".
  bool IsOfHead(std::string_view word) const { return Has(of_heads_, word); }
  // Last words of events, awards and competitions: "Cup", "Open", "Games".
  bool IsOtherSuffix(std::string_view word) const { return Has(other_suffixes_, word); }
  bool IsFirstName(std::string_view word) const { return Has(first_names_, word); }
  std::optional<EntityType> Cue(std::string_view lower) const;
  bool IsStopped(std::string_view merge_key) const { return Has(stopped_, merge_key); }

  // Relation vocabulary (data/relations.tsv).
  bool IsModalVerb(std::string_view lemma) const { return Has(modal_, lemma); }
  bool IsSpeechVerb(std::string_view lemma) const { return Has(speech_, lemma); }
  bool IsSayingVerb(std::string_view lemma) const { return Has(saying_, lemma); }
  bool IsLightVerb(std::string_view lemma) const { return Has(light_, lemma); }
  bool IsLocatedWord(std::string_view lower) const { return Has(located_, lower); }
  // "sur", "on", "via": before an outlet (IsOutlet), where one speaks or
  // posts; "à" too after a verb (`after_verb`: "a confirmé à l'AFP", not
  // "journaliste à France Télévisions").
  // `verb`: the verb the preposition's phrase depends on ("" for a noun's).
  bool IsOutletCase(std::string_view lower, bool after_verb, std::string_view verb = {}) const {
    return Has(outlet_cases_, lower) || (after_verb && Has(outlet_verb_cases_, lower)) ||
           (after_verb && Has(outlet_speech_cases_, lower) && IsSpeechVerb(verb));
  }
  // Label for a role noun ("fondateur" -> "fonder") or a part noun
  // ("filiale" -> "filiale_de"); empty when the word is not one.
  std::string_view RoleRelation(std::string_view lower) const;
  std::string_view PartRelation(std::string_view lower) const;
  // The English label of a word-pattern label ("diriger" -> "lead", the
  // "english" rows), or `label` itself.
  std::string_view EnglishLabel(std::string_view label) const;

 private:
  // Sets and maps looked up by string_view, without a copy.
  // A word set with a quick no for most words it lacks: one bit per
  // (length, first two bytes), hashed into 16,384, set for its words —
  // "de", "la", "les" are answered without a probe of the set.
  class ShapeFilter {
   public:
    void Add(std::string_view w) { bits_[Key(w) >> 6] |= uint64_t{1} << (Key(w) & 63); }
    bool MayHave(std::string_view w) const { return (bits_[Key(w) >> 6] >> (Key(w) & 63)) & 1; }

   private:
    static uint32_t Key(std::string_view w) {
      const uint32_t b0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      const uint32_t b1 = w.size() < 2 ? 0 : static_cast<unsigned char>(w[1]);
      const uint32_t v = static_cast<uint32_t>(std::min<size_t>(w.size(), 255)) << 16 | b0 << 8 | b1;
      return (v * 2654435761u) >> 18;
    }
    std::array<uint64_t, 256> bits_{};
  };
  class Set {
   public:
    bool Insert(std::string_view w) {
      shapes_.Add(w);
      return words_.Insert(w);
    }
    bool Contains(std::string_view w) const { return shapes_.MayHave(w) && words_.Contains(w); }

   private:
    ShapeFilter shapes_;
    FlatStringSet words_;
  };
  template <typename V>
  using Map = FlatStringMap<V>;
  static bool Has(const Set& s, std::string_view w) { return s.Contains(w); }
  void IndexPhrase(const std::string& phrase, int index, bool override_existing);
  Status AddUserEntries(std::vector<LocatedEntry> entries, std::vector<std::string>* warnings);

  std::vector<GazetteerEntry> entries_;
  Map<int> phrases_;
  Map<int> keys_;
  Map<int> prefixes_;  // every word-prefix of every phrase -> its entry (as phrases_), or -1
  int max_words_ = 1;
  bool has_user_ = false;
  struct UserName {
    std::string name, where;
  };
  std::unordered_map<std::string, UserName> user_keys_;  // MergeKey of a user name -> the first name with it
  int open_data_begin_ = 0, open_data_end_ = 0;
  Set lower_starts_;
  Set world_regions_, outlets_;  // folded
  Set outlet_cases_, outlet_verb_cases_, outlet_speech_cases_;
  Set acronyms_, not_names_, titles_, title_ends_, royal_titles_, media_editions_, platforms_, platform_cues_, org_heads_, loc_heads_, org_suffixes_, company_forms_, group_names_, loc_suffixes_, lower_heads_, lower_head_starts_, lower_head_words_, event_heads_, of_heads_, other_suffixes_, first_names_, stopped_;
  Map<EntityType> cues_;
  Set modal_, speech_, saying_, light_, located_;
  Map<std::string> roles_, parts_, english_labels_, demonym_countries_;
};

}  // namespace kg
