// Syntax for French and English: part-of-speech tags (UPOS), morphological
// features, lemmas and labelled dependency trees following Universal
// Dependencies, from models kg trains itself (tools/kg_train.cc).
//
//   auto model = SyntaxModel::Load("data/models/fr-syntax.kgm");  // StatusOr
//   SyntaxAnnotator annotator(**model, morphology);   // one per thread
//   annotator.Annotate(&sentence);   // UdSentence: forms in; tags, lemmas, heads out
//
// The tagger is a greedy left-to-right averaged perceptron over hashed
// word, affix, shape, dictionary-reading and previous-tag features; the
// features are a second perceptron over feature=value classes, decided per
// feature among the values seen with the tag; lemmas come from the training
// words, then suffix rules learned by tag, then the dictionary's verb
// lemma; the parser is a greedy arc-eager transition parser (Nivre 2003)
// trained with a dynamic oracle (Goldberg & Nivre 2012), then (if the model
// has them) a re-tagger decides the tags again reading that tree, and a
// guided parser decides the tree again right to left, reading the first
// one's tree and margins (stacking; both trained on jackknifed trees), and
// arcs are labelled afterwards by a perceptron that sees the whole tree.
//
// Model file: "KGSYNTAX" magic, format version, then sections, then a CRC-32
// of everything before it; a missing, truncated or corrupt file is an error
// naming it. Thread safety: a loaded model is immutable; annotators are
// per thread.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/base/flat_map.h"
#include "kg/base/status.h"
#include "kg/extract/conllu.h"
#include "kg/extract/perceptron.h"

namespace kg {

class Morphology;

// Format versions (2: FeatureHash in one mixing round; 3: shortcuts; 4:
// clitics; 5: guided parser; 6: sparse rows; 7: re-tagger; 8: word
// clusters; 9: deflated). A model without word clusters is written in
// version 7 (its bytes as before clusters existed), one with them in 8, a
// compressed one (SyntaxModel::compressed) in 9; this kg reads all three.
constexpr uint32_t kSyntaxFormatOldest = 7;
constexpr uint32_t kSyntaxFormatClusters = 8;
constexpr uint32_t kSyntaxFormatDeflated = 9;
constexpr uint32_t kSyntaxFormatVersion = kSyntaxFormatDeflated;  // the newest

// A lemma rule: strip `strip` bytes from the end of the lower-case form, append `add`.
struct LemmaRule {
  uint32_t strip = 0;
  std::string add;
};

// Context key -> decision (a class index), sorted by key, with an
// open-addressing index (a power-of-two array at most half full) built on
// loading.
class ShortcutTable {
 public:
  // The decision for `key`, or -1.
  int Find(uint64_t key) const {
    if (slots_.empty()) return -1;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Home(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i].decision < 0) return -1;
      if (slots_[i].key == key) return slots_[i].decision;
    }
  }
  size_t size() const { return keys_.size(); }
  // Entries must come in increasing key order.
  void Add(uint64_t key, int decision);
  // Whether every decision is below `classes`.
  bool Valid(int classes) const;
  void Write(ModelWriter* w) const;
  bool Read(ModelReader* r);

 private:
  struct Slot {
    uint64_t key = 0;
    int32_t decision = -1;  // -1: empty
  };
  static size_t Home(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20); }
  void Index();
  std::vector<uint64_t> keys_;
  std::vector<int32_t> decisions_;
  std::vector<Slot> slots_;
};

// Word clusters learned from raw text (kg/extract/word_clusters.h), by word
// key (WordKeys::lower): each word's fine cluster; its coarse cluster is the
// fine one divided by `fine_per_coarse`.
class ClusterTable {
 public:
  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }
  // Keys may come in any order; a key given twice keeps its first cluster.
  void Assign(std::vector<std::pair<uint64_t, uint32_t>> key_fine, uint32_t fine_per_coarse);
  // The fine cluster of a key, or -1.
  int64_t Find(uint64_t key) const;
  uint32_t fine_per_coarse() const { return fine_per_coarse_; }
  void Write(ModelWriter* w) const;
  bool Read(ModelReader* r);

 private:
  std::vector<uint64_t> keys_;  // sorted
  std::vector<uint32_t> fine_;
  uint32_t fine_per_coarse_ = 1;
};

struct SyntaxModel {
  std::string language;                   // "fr" or "en"
  std::vector<std::string> tags;          // UPOS classes
  std::vector<std::string> feat_values;   // "Gender=Masc", ..., and "Gender=" for none
  std::vector<uint32_t> feat_of_value;    // feat_values index -> feature name index
  std::vector<std::string> feat_names;    // "Gender", "Number", ...
  std::vector<uint64_t> feats_by_tag;     // tag -> bit set of feature names seen with it
  std::vector<std::string> labels;        // dependency relations
  WeightTable tagger, feats, transitions, labeller, splitter;
  // A second tagging pass that also sees the first pass's tags of the next
  // words (kg-train --tagger-passes 2); empty (no classes) for one pass.
  WeightTable tagger2;
  // A second parser, right to left, that reads the first one's tree (its
  // guide) and decides again (kg-train --guided-parser); empty for none.
  WeightTable guided;
  // After the first parser, a tagger that reads its tree (each word's
  // head, children and first tag) and decides the tags again, before the
  // guided parser (kg-train --retagger); empty for none. kg build has not
  // it, as not the guided parser.
  WeightTable retagger;
  std::unordered_map<std::string, std::string> lemmas;    // "form\ttag" -> lemma
  std::unordered_map<std::string, LemmaRule> lemma_rules; // "tag\tsuffix" -> rule
  std::map<std::string, std::vector<std::string>> contractions;  // "du" -> {"de", "le"}
  std::vector<std::string> ambiguous_contractions;  // split only when the splitter says so ("des")
  // Pronouns the treebanks write as words of their own after a hyphen
  // ("-t-il", "-vous", "-ce"), longest first; and the hyphenated words they
  // keep whole although they end like one ("rendez-vous").
  std::vector<std::string> clitics;
  std::vector<std::string> whole_hyphenated;
  // Decisions the trained model takes one way in a context, taken there
  // without scoring (the trainer's BuildShortcuts, from the model's own
  // decisions on its training sentences): a word's tag (by WordKeys::lower),
  // a transition (by syntax::TransitionContext), a label (by
  // syntax::LabelContext).
  ShortcutTable tag_shortcuts, transition_shortcuts, label_shortcuts;
  // The guided parser's (by syntax::GuidedContext).
  ShortcutTable guided_shortcuts;
  // Word clusters the features read (kg-train --clusters); empty for none,
  // and then no feature reads them.
  ClusterTable clusters;
  // Written zlib-deflated (format 9, kg-train --compress): the same tables
  // in a smaller file (en-syntax.kgm: 11.8 MB read, 9 MB stored), inflated
  // when loaded.
  bool compressed = false;
  static StatusOr<std::shared_ptr<const SyntaxModel>> Load(const std::string& path);
  static StatusOr<std::shared_ptr<const SyntaxModel>> Parse(std::string_view bytes, const std::string& where);
  std::string Serialize() const;
};

// The model file for a language in `dir`: DIR/fr-syntax.kgm.
std::string SyntaxModelPath(const std::string& dir, std::string_view language);
// The model `kg parse` reads: DIR/fr-parse.kgm when `dir` has one (a model
// trained for the best trees alone, which kg build's relation rules were
// not tuned on), else SyntaxModelPath's.
std::string ParseModelPath(const std::string& dir, std::string_view language);
// Where models are looked for: $KG_MODELS_DIR, else the build's data/models.
std::string DefaultModelsDir();

// Per-word inputs to every feature function, computed once per sentence.
struct WordKeys {
  uint64_t lower = 0, raw = 0, shape = 0, morph = 0;
  // English only (0 otherwise): the dictionary's flags (Morphology::EnglishFlagsOf).
  uint64_t flag_stem = 0, flag_affixes = 0;
  std::array<uint64_t, 4> suffix{}, prefix{};
  // The word's clusters (SyntaxModel::clusters), fine and coarse: 0 when the
  // model has none, 3 for a word outside them (1 and 2 are the features'
  // "no word" and "the root"), else the cluster + 4.
  uint64_t cluster = 0, coarse = 0;
};

class SyntaxAnnotator {
 public:
  // `morphology` (optional) gives dictionary readings to the tagger and verb lemmas.
  SyntaxAnnotator(const SyntaxModel& model, Morphology* morphology);
  // Fills upos, feats, lemma, head and deprel of every word from its form.
  // `sentence_start`: whether the first word starts a sentence (false for a
  // sentence's tail: its capitals then read as inside a sentence).
  void Annotate(UdSentence* sentence, bool sentence_start = true);
  // Features only for verbs and auxiliaries (what the parser reads), "_"
  // elsewhere: for callers that need trees, not morphology (kg build).
  void SetVerbFeaturesOnly(bool only) { verb_features_only_ = only; }
  // Whether the model's guided parser (if it has one) decides the trees
  // after the first parser (the default), or the first parser alone (kg
  // build: half the parsing time, the whole-corpus budget).
  void UseGuidedParser(bool use) { use_guided_ = use; }
  // Whether a punctuation root over words is given to a word after the
  // guided parser (RerootPunctuation; the default). The trainer turns it
  // off: models are chosen and their shortcuts counted on the parsers' own
  // trees.
  void UseRerooting(bool use) { reroot_ = use; }
  // The same, for a sentence given as surface tokens: contractions such as
  // "du" become two words under a multi-word token first, a verb and its
  // inverted or imperative pronoun two words ("a-t-il" -> "a" "-t-il",
  // "Pouvez-vous" -> "Pouvez" "-vous", as the treebanks write them), and an
  // abbreviation and its dot ("M" ".") one word, "M.", the dot's token
  // covering none.
  // `token_words`, if given, receives each token's first word (0-based),
  // then the word count, so token t covers words [w[t], w[t + 1]).
  UdSentence AnnotateTokens(const std::vector<std::string>& tokens, std::vector<int>* token_words = nullptr,
                            bool sentence_start = true);

  // For the trainer: every decision scored, counted by context key (tags
  // by WordKeys::lower, transitions by TransitionContext, labels by
  // LabelContext). Null: none recorded.
  struct Decisions {
    std::map<uint64_t, std::map<int, int>> tags, transitions, labels, guided;
  };
  void RecordDecisions(Decisions* d) { record_ = d; }

  // The stages, for the trainer and tests.
  void ComputeKeys(const UdSentence& s, std::vector<WordKeys>* keys, bool sentence_start = true);
  void Tag(const UdSentence& s, const std::vector<WordKeys>& keys, std::vector<int>* tags) const;
  // heads[1..n] from the parser's word classes (ParserTag per word); every
  // word gets a head, one of them the root.
  // `sure`, if given, receives each word's MarginBucket: how far the
  // decision that attached it outscored the next best (kSurest: forced).
  void Parse(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag, std::vector<int>* heads,
             std::vector<uint8_t>* sure = nullptr) const;
  // The model's guided parser, right to left, on the first parser's `heads`,
  // which it replaces.
  void GuidedParse(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag, std::vector<int>* heads) const;

 private:
  // Features and lemmas from the tags (of the words `only` marks, if given).
  void TagWords(const std::vector<WordKeys>& keys, const std::vector<int>& tags, UdSentence* s,
                const std::vector<char>* only = nullptr);
  void Label(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag, const std::vector<int>& heads,
             UdSentence* s) const;
  // The model's re-tagger on the first parser's tree: the sentence's tags
  // (tags_) decided again; the features, lemmas and word classes (ptags_)
  // of the words whose tag changed, and of their neighbours, redone.
  void Retag(const std::vector<WordKeys>& keys, const std::vector<int>& heads, UdSentence* s);
  // Where the parsers made a punctuation mark the root of words, the root
  // goes to the mark's child the labeller scores highest as a root
  // (syntax::PunctuationRootChildren, syntax::Reroot); after the guided
  // parser only, as the re-tagger.
  void RerootPunctuation(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag, std::vector<int>* heads);
  // The parser's class of a word: its tag, and the verb form of verbs.
  uint64_t WordClass(int tag, std::string_view feats) const;
  // A memo of what depends on a word's form alone (its keys; its lemmas
  // under the last two tags it was seen with): news repeats its words.
  // Cleared when large, between sentences, so memory stays bounded; the
  // answers never depend on what was memoised.
  struct FormMemo {
    WordKeys keys;
    std::array<std::pair<int, std::string>, 2> lemma_by_tag{{{-1, {}}, {-1, {}}}};
  };
  FormMemo& MemoOf(const std::string& form);
  const std::string& LemmaOf(FormMemo& memo, const std::string& form, int tag);
  const SyntaxModel& model_;
  Morphology* morphology_;
  bool verb_features_only_ = false;
  bool use_guided_ = true;
  bool reroot_ = true;
  Decisions* record_ = nullptr;
  bool MayContract(const std::string& token) const;
  // Where a token splits into a word and a clitic pronoun ("a-t-il" at 1:
  // "a" "-t-il"), or 0.
  size_t CliticSplit(const std::string& token) const;
  // Scratch of the stages (one sentence at a time): features, scores; the
  // sentence's keys, tags, parser word classes and heads.
  mutable std::vector<uint64_t> features_;
  mutable std::vector<float> scores_;
  mutable std::vector<int> first_tags_;  // the first tagging pass's, when there are two; the re-tagger's input
  std::vector<char> redo_;                // words the re-tagger's tags make TagWords redo
  std::vector<WordKeys> keys_;
  std::vector<int> tags_, heads_;
  std::vector<uint64_t> ptags_;
  mutable std::vector<WordKeys> rkeys_;  // the guided parser's, reversed
  mutable std::vector<uint64_t> rptags_;
  mutable std::vector<uint8_t> sure_;  // the first parser's margins, for the guided one
  // Per tag of the model: its HashString, IsVerbTag, and whether PUNCT.
  std::vector<uint64_t> tag_hashes_;
  std::vector<bool> verb_tags_;
  std::vector<char> punct_tags_;  // per tag: PUNCT
  int root_label_ = 0;  // the index of "root" among the model's labels (their count if none)
  bool has_punct_label_ = false;
  std::array<bool, 256> contraction_start_{};  // first bytes of the model's contractions
  size_t contraction_bytes_ = 0;                // the longest one's bytes
  FlatStringMap<FormMemo> form_memo_;
  std::vector<FormMemo*> word_memos_;  // ComputeKeys' sentence's, word by word
};

// Feature functions shared by training and use (syntax_features.cc).
namespace syntax {
constexpr int kTransitions = 4;  // shift, reduce, left-arc, right-arc
enum Transition { kShift = 0, kReduce = 1, kLeftArc = 2, kRightArc = 3 };

uint64_t MorphKey(Morphology* morphology, std::string_view form, std::string_view language);
WordKeys KeysOf(std::string_view form, bool first, uint64_t morph);
// KeysOf with what `morphology` says of the form in `language`.
WordKeys KeysOf(std::string_view form, Morphology* morphology, std::string_view language);
// Sets k's clusters from the model's table (nothing if it has none).
void SetClusters(const ClusterTable& clusters, WordKeys* k);
void TaggerFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, size_t i, std::vector<uint64_t>* out);
// The second pass's: TaggerFeatures, and the first pass's tags (`first`) of
// the word and the next two.
void Tagger2Features(const std::vector<WordKeys>& k, const std::vector<int>& tags, const std::vector<int>& first,
                     size_t i, std::vector<uint64_t>* out);
void FeatsFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, size_t i, std::vector<uint64_t>* out);
void SplitterFeatures(const std::vector<std::string>& lower, size_t i, std::vector<uint64_t>* out);

// What the features read of a word's children on one side: how many, and
// the two outermost (leftmost on the left, rightmost on the right; -1: none).
struct OuterChildren {
  int outer[2] = {-1, -1};
  uint32_t count = 0;
  void Add(int child) {  // a new outermost child
    outer[1] = outer[0];
    outer[0] = child;
    ++count;
  }
};
// A parser configuration; words are 1..n, 0 is the root.
struct Configuration {
  std::vector<int> stack, heads;      // heads[i] = -1 while unattached
  std::vector<char> in_stack;         // whether word i is on the stack
  std::vector<OuterChildren> left, right;
  size_t next = 1, n = 0;
  explicit Configuration(size_t words);
  bool Done() const { return next > n; }
  bool Allowed(int t) const;
  void Apply(int t);
};
constexpr size_t kParserFeatures = 67;  // ParserFeatures' count, the same for every configuration
void ParserFeatures(const Configuration& c, const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag,
                    std::vector<uint64_t>* out);
// Whether a tag is VERB or AUX: the tags whose features the parser reads.
inline bool IsVerbTag(std::string_view tag) { return tag == "VERB" || tag == "AUX"; }
uint64_t ParserTag(const SyntaxModel& m, int tag, std::string_view feats);
// The same from the tag's HashString and IsVerbTag.
uint64_t ParserTag(uint64_t tag_hash, bool verb, std::string_view feats);
// Every word's children (1-based, ascending) from heads[1..n], in one
// array: children[h] for word h (0: the root).
class ChildLists {
 public:
  explicit ChildLists(const std::vector<int>& heads);
  std::span<const int> operator[](int word) const {
    return {items_.data() + start_[word], items_.data() + start_[word + 1]};
  }

 private:
  std::vector<int> start_, items_;
};
// What the second, right-to-left parser reads of the first parser's tree
// (its guide), in the second parser's word order: heads and children.
struct Guide {
  std::vector<int> heads;  // 1-based, 0: the root
  ChildLists children;
  std::vector<uint8_t> sure;  // 1-based MarginBucket of each guide arc
};
// A decision's margin (its score over the next best) in buckets 0..kSurest-1
// (a shortcut's in the top one); kSurest: a forced move's.
constexpr uint8_t kSurest = 11;
uint8_t MarginBucket(float margin);
// v[1..n] of the same words read right to left.
std::vector<uint8_t> Reversed(const std::vector<uint8_t>& v);
// heads[1..n] of the same words read right to left (-1 and 0 kept).
std::vector<int> ReversedHeads(const std::vector<int>& heads);
// Words the parser left without a head (-1) go under the root's child.
void AttachLeftovers(std::vector<int>* heads);
// A punctuation mark the parser made the root of words (a greedy parser
// that passed the real root: "..., a-t-il estimé ." under its dot): the
// root, and its children that are not punctuation, the candidates for the
// root (none if the root is a word, or the sentence punctuation alone).
// `punct[i]`: whether word i (1-based) is punctuation.
std::vector<int> PunctuationRootChildren(const std::vector<int>& heads, const std::vector<char>& punct, int* root);
// `child` of the root `root` becomes the root; `root` and its other
// children go under it.
void Reroot(std::vector<int>* heads, int root, int child);
void GuidedParserFeatures(const Configuration& c, const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag,
                          const Guide& g, std::vector<uint64_t>* out);
// The guided parser's shortcut context: TransitionContext's, and what the
// guide says of the stack top and the next word.
uint64_t GuidedContext(const Configuration& c, const std::vector<uint64_t>& ptag, const Guide& g);
void LabelFeatures(const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag, const std::vector<int>& heads,
                   const ChildLists& children, int dep, std::vector<uint64_t>* out);
// The re-tagger's: word i's (0-based) first tag (`tags`) with its tree
// (heads[1..n], 1-based): its head's tag and word, the arc, its children's
// tags and its neighbours'.
void RetaggerFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, const std::vector<int>& heads,
                      const ChildLists& children, size_t i, std::vector<uint64_t>* out);
// The contexts of shortcuts: a configuration's stack top, next two words
// (word classes), their distance and the transitions allowed; an arc's
// dependent and head (word classes), direction and length.
uint64_t TransitionContext(const Configuration& c, const std::vector<uint64_t>& ptag);
uint64_t LabelContext(const std::vector<uint64_t>& ptag, const std::vector<int>& heads, int dep);
std::string Lemmatize(const SyntaxModel& m, Morphology* morphology, std::string_view form, int tag);
std::string LowerForm(std::string_view form);
// What a word's key (WordKeys::lower) hashes: LowerForm with digits as 0.
std::string WordKeyText(std::string_view form);
}  // namespace syntax

}  // namespace kg
