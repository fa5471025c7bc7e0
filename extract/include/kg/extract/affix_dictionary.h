// A hunspell dictionary (.aff + .dic) read by us, for morphological analysis
// and spell checks: AffixDictionary::Analyze(word) gives the analyses
// Hunspell::analyze gives, Accepts(word) Hunspell::spell's answer, for the
// dictionaries kg uses (Debian's hunspell-fr: long flags,
// prefixes and suffixes with cross products, FULLSTRIP, NEEDAFFIX,
// CIRCUMFIX, ICONV/OCONV), in the same layout:
//
//   "[prefix] st:stem [entry fields] [suffix fields]"
//
// Why not Hunspell itself: its analysis walks every affix rule that could
// match and costs 20-50 µs per French word, a quarter of a corpus build.
// Here the rules are indexed by affix and by strip string, so a word costs
// a handful of hash lookups. What is left out: compounding, two-level
// suffixes and Hungarian-specific rules (none is used by the French
// dictionary); tests/affix_dictionary_test.cc compares the two on real words.
//
// Thread safety: const after Load; Analyze and Accepts may be called concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/base/status.h"

namespace kg {

class AffixDictionary {
 public:
  static StatusOr<std::unique_ptr<const AffixDictionary>> Load(const std::string& aff_path,
                                                               const std::string& dic_path);

  // Appends the analyses of `word` (at most 63 bytes) to `out`, duplicates
  // removed: entries of the word itself, then prefixed forms, then suffixed
  // forms by increasing suffix length (for a capitalised word, the
  // lower-case word's analyses first).
  void Analyze(std::string_view word, std::vector<std::string>* out) const;
  // Hunspell's spell check, for words no compound rule can make: true when
  // the word, or a case variant Hunspell accepts for it, has an analysis.
  bool Accepts(std::string_view word) const;
  // Whether the word as written, in this case, is an entry or an affixed
  // form of one ("Somerset", "Readings"), without the case variants
  // Accepts tries ("Government" is only "government").
  bool HasCaseExact(std::string_view word) const;
  // The flags of the entries written `word` exactly (its homonyms), for a
  // dictionary of one-letter flags such as en_US: bit k for the k-th of
  // A-Z then a-z, bit 62 for any other flag, bit 63 when there is an entry
  // (so an entry without flags is not 0).
  uint64_t LetterFlags(std::string_view word) const;
  static uint64_t LetterBit(char32_t flag);
  // The .aff has compound rules (COMPOUNDRULE), which this reader does not
  // apply: words they build (English "21st") are not accepted.
  bool compounds() const { return compounds_; }

 private:
  using Flag = uint16_t;
  // One position of an affix condition: a set of characters, or its complement.
  struct CondChar {
    std::u32string chars;
    bool negated = false;
    bool any = false;
  };
  struct Rule {
    bool suffix = false;
    bool cross = false;  // may combine with an affix of the other kind
    Flag flag = 0;
    std::string strip;
    std::string affix;
    std::vector<Flag> cont;  // continuation flags, sorted
    std::vector<CondChar> cond;
    std::string morph;
    bool HasCont(Flag f) const;
  };
  struct Entry {
    std::string word;
    std::vector<Flag> flags;  // sorted
    std::string data;         // morphological fields
    uint32_t next = UINT32_MAX;  // next homonym
    bool hidden = false;         // added for a word in another case
    uint64_t hash = 0;
    bool HasFlag(Flag f) const;
  };
  // Rules sharing an affix and a strip string.
  struct StripGroup {
    std::string strip;
    std::vector<std::pair<Flag, uint32_t>> rules;  // (flag, rule index), in file order
  };
  struct AffixGroup {
    std::string affix;
    uint64_t hash = 0;
    std::vector<StripGroup> strips;
  };
  // Affix groups by hash of the affix (read backwards for suffixes, so a
  // word's suffixes hash as one pass from its end).
  struct AffixIndex {
    std::vector<AffixGroup> groups;
    std::vector<uint32_t> slots;
    std::unordered_map<std::string, uint32_t> by_affix;  // while loading
    AffixGroup& Add(const std::string& affix, uint64_t hash);
    void Seal();
    const AffixGroup* Find(std::string_view affix, uint64_t hash) const;
  };

  AffixDictionary() = default;
  Status ParseAff(const std::string& path, const std::string& text);
  Status ParseDic(const std::string& path, const std::string& text);
  void Index();
  bool ParseFlags(std::string_view s, std::vector<Flag>* out) const;
  void AddEntry(std::string word, std::vector<Flag> flags, std::string data, bool hidden);

  bool AcceptsWhole(std::string_view word) const;  // Accepts() without word breaks
  // Analyses of `word` as written (no case variants), appended to `out`;
  // `hidden_ok`: whether hidden capitalised homonyms count. With `out` null,
  // only whether there is one: true at the first found, nothing spelled out.
  // (The same for the two below; otherwise they return false.)
  bool AnalyzeExact(const std::string& word, bool hidden_ok, std::vector<std::string>* out) const;
  // Suffix analyses; with `prefixes`, only cross products with those prefix rules.
  bool SuffixAnalyses(std::string_view word, const std::vector<const Rule*>* prefixes, bool hidden_ok,
                      std::vector<std::string>* out) const;
  bool PrefixAnalyses(std::string_view word, bool hidden_ok, std::vector<std::string>* out) const;
  const Entry* Find(std::string_view word) const;
  const Entry* Find(std::string_view word, uint64_t hash) const;
  const Entry* Next(const Entry* homonym) const;  // the next homonym, or null
  // The slot of `word` in slots_: its first entry, or the empty slot for it.
  size_t Probe(std::string_view word, uint64_t hash) const;
  size_t BloomBit(uint64_t hash) const;
  bool MayHave(uint64_t hash) const;
  bool MayTakePrefix(uint64_t hash) const;
  static bool Matches(const std::vector<CondChar>& cond, std::string_view stem, bool at_end);
  static void AppendRoot(const Entry& e, std::string* line);
  void AppendFlag(Flag f, std::string* line) const;
  // ICONV / OCONV: character replacements on input words and output lines.
  struct ConvTable {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::array<std::vector<uint32_t>, 256> by_first;  // patterns by first byte
  };
  static std::string Convert(std::string_view word, const ConvTable& table);

  std::vector<Rule> rules_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;  // open addressing by hash: first entries
  size_t distinct_ = 0;          // distinct words
  std::vector<uint64_t> bloom_;  // one bit per word hash: most absent stems stop here
  // The same for the words an entry of which carries the flag of a cross
  // prefix no suffix rule continues (see Index).
  std::vector<uint64_t> prefixed_bloom_;
  std::vector<bool> continued_;  // by flag: some suffix rule has it among its continuations
  AffixIndex suffixes_, prefixes_;
  size_t max_suffix_ = 0, max_prefix_ = 0;
  ConvTable iconv_, oconv_;
  bool long_flags_ = false;
  bool fullstrip_ = false;
  bool compounds_ = false;
  Flag needaffix_ = 0, forbidden_ = 0, circumfix_ = 0, onlyincompound_ = 0;
};

}  // namespace kg
