// French morphology from the hunspell dictionary (Debian's
// hunspell-fr-comprehensive, whose entries carry part-of-speech tags: po:npr
// proper noun, po:prn first name, po:patr surname, po:v verb, st: lemma),
// read by AffixDictionary; English spell checks from en_US, read the same way.
//
//   auto m = Morphology::Open("/usr/share/hunspell");   // StatusOr
//   const WordInfo& w = m->Lookup("utilise");            // verb, lemma "utiliser"
//
// Lookups are cached by word, so the dictionary is consulted once per
// distinct word. Thread safety: none — one Morphology per thread.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <functional>
#include <future>
#include <unordered_map>

#include "kg/base/flat_map.h"
#include "kg/base/status.h"
#include "kg/extract/affix_dictionary.h"

class Hunspell;

namespace kg {

struct WordInfo {
  bool known = false;        // the dictionary has the word (in any case)
  bool proper = false;       // an entry of its own with a capital: Paris, Chine, Taïwan
  bool first_name = false;   // po:prn
  bool surname = false;      // po:patr
  bool feminine_name = false;   // a first name marked is:fem ("Marie")
  bool masculine_name = false;  // a first name marked is:mas ("Jean")
  bool noun = false;
  bool adjective = false;
  bool verb = false;         // a conjugated or infinitive verb form
  bool infinitive = false;
  bool participle = false;   // past participle
  bool finite = false;       // a conjugated form (indicative, subjunctive, conditional, imperative)
  bool function_word = false;  // determiner, preposition, pronoun, conjunction, adverb
  bool auxiliary = false;    // a form of avoir or être
  bool etre_verb = false;    // a verb conjugated with être in the active voice (parvenir, aller)
  bool english = false;      // the English dictionary knows the word as written
  bool english_verb = false; // a form from our English verb table (data/en_verbs.tsv)
  bool english_proper = false;  // English knows it only capitalised (Paris, Microsoft)
  bool english_capital = false;  // English has it capitalised, maybe also in lower case (Reading, Somerset)
  std::string verb_lemma;    // "utiliser" for "utilise"
};

// Word analyses shared by the Morphology objects of several threads, so a
// word met by one worker is analysed once for all. Thread safety: all
// methods may be called concurrently (64 mutex-guarded shards).
class SharedWordCache {
 public:
  bool Find(std::string_view word, WordInfo* out);
  void Insert(std::string_view word, const WordInfo& info);
  static constexpr size_t kMaxWords = 1u << 21;
  // A dictionary (by its .aff path), read by the first caller and shared by all.
  StatusOr<std::shared_ptr<const AffixDictionary>> Dictionary(const std::string& aff, const std::string& dic);

 private:
  using Loaded = StatusOr<std::shared_ptr<const AffixDictionary>>;
  std::mutex dictionaries_mutex_;  // guards the map only: loads run outside it
  std::unordered_map<std::string, std::shared_future<Loaded>> dictionaries_;
  struct Shard {
    std::mutex mutex;
    FlatStringMap<WordInfo> words;
  };
  Shard& ShardOf(std::string_view word) { return shards_[(HashString(word) >> 20) % shards_.size()]; }
  std::array<Shard, 64> shards_;
};

class Morphology {
 public:
  // `dir` holds fr_FR.aff and fr_FR.dic (or fr.aff / fr.dic), and
  // optionally en_US.aff / en_US.dic (Debian's hunspell-en-us), used to tell
  // English common words from names.
  // `shared` (optional, must outlive this object) pools analyses across threads.
  static StatusOr<std::unique_ptr<Morphology>> Open(const std::string& dir, SharedWordCache* shared = nullptr);
  // A morphology that knows no word; used when the dictionary is absent.
  static std::unique_ptr<Morphology> Empty();
  ~Morphology();

  // The reference stays valid for the Morphology's life, except once
  // kMaxCacheWords distinct words are cached: then it is valid for the next
  // kOverflowSlots lookups.
  const WordInfo& Lookup(std::string_view word);
  // For English text: the word as an English verb form when it is one (so
  // "met" is meet, not the French mettre), else Lookup(word).
  const WordInfo& LookupEnglish(std::string_view word);
  // What the English dictionary's flags say of `word` (the English tagger
  // reads it: an unseen "ponder" shares its flags, -s -ed -ing -er, with
  // verbs; "timid" its -er -est -ly -ness with adjectives): over the
  // word's analyses, the flags of their stems' entries and the flags of
  // the affixes applied, as AffixDictionary::LetterFlags's bits. Both 0
  // when the dictionary does not know the word (or there is none).
  struct EnglishFlags {
    uint64_t stem = 0, affixes = 0;
  };
  EnglishFlags EnglishFlagsOf(std::string_view word) const;
  // The lower-case reading of a capitalised word ("Maison" -> maison), from
  // the same analysis as the word itself, so the dictionary is consulted
  // once for both. (It can differ from Lookup("maison") for a few entries
  // hunspell keeps in one case only, such as "km"; it is a function of the
  // word alone, so results do not depend on the order words are met in.)
  // A word that is not title-case gives Lookup(ToLower(word)).
  const WordInfo& LookupLowerOf(std::string_view word);
  static constexpr size_t kMaxCacheWords = 1u << 20;
  static constexpr size_t kOverflowSlots = 64;
  bool available() const { return french_ != nullptr || hunspell_ != nullptr; }
  // False once the caches are full: references returned from then on are
  // short-lived (see Lookup), so they must not be kept.
  bool CacheHasRoom() const { return cache_.size() < kMaxCacheWords && lower_of_.size() < kMaxCacheWords; }

 private:
  Morphology() = default;
  // `lower_info`, if given and the word is title-case, receives the
  // lower-case word's analysis (from the same hunspell call).
  WordInfo Analyze(std::string_view word, WordInfo* lower_info = nullptr);
  void FinishInfo(std::string_view word, bool capital_only, WordInfo* info);
  // Analyze(), with the results (the word's, and `lower` when given) put in
  // the shared cache.
  WordInfo AnalyzeShared(std::string_view word, WordInfo* lower);
  // French analyses come from our reader of the hunspell dictionary
  // (affix_dictionary.h, ~10x faster); Hunspell itself only when the
  // dictionary uses features that reader does not implement.
  std::shared_ptr<const AffixDictionary> french_;
  std::unique_ptr<Hunspell> hunspell_;
  // English spell checks: our reader for words without digits (the same
  // answers as Hunspell there, 203k corpus words compared); Hunspell, made
  // when first needed, for words with digits, which its compound rules
  // build ("21st").
  bool SpellEnglish(const std::string& word);
  std::shared_ptr<const AffixDictionary> english_dict_;
  std::unique_ptr<Hunspell> english_;
  std::string english_aff_, english_dic_;  // empty: no English dictionary
  bool english_ascii_ = false;  // the English word list is all ASCII
  SharedWordCache* shared_ = nullptr;
  // Looked up by string_view without a copy; values stay where they are.
  using Cache = FlatStringMap<WordInfo>;
  const WordInfo& Remember(Cache* cache, std::string key, WordInfo info);
  // Keys of LookupLowerOf's entries (also in the shared cache) start with this.
  static constexpr char kLowerOfMark = '\x01';
  Cache cache_;
  Cache lower_of_;
  std::array<WordInfo, kOverflowSlots> overflow_;
  size_t overflow_next_ = 0;
};

// Where the dictionaries are looked for: $KG_HUNSPELL_DIR, then
// /usr/share/hunspell.
std::string DefaultHunspellDir();

}  // namespace kg
