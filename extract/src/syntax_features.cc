// The feature functions of the tagger, the feature classifier, the parser
// and the labeller: what each decision may look at, as hashed templates.
#include <algorithm>
#include <cassert>

#include "kg/base/flat_map.h"
#include "kg/base/text.h"
#include "kg/extract/morphology.h"
#include "kg/extract/syntax.h"
#include "english_irregular_verbs.h"

namespace kg::syntax {
namespace {

constexpr uint64_t kNone = 1, kRoot = 2;
constexpr uint64_t kUnclustered = 3;  // a word outside the model's clusters (WordKeys::cluster)

// Start of the last `n` code points of `s` (or 0).
size_t SuffixStart(std::string_view s, size_t n) {
  size_t pos = s.size();
  while (n > 0 && pos > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    --n;
  }
  return pos;
}

size_t PrefixEnd(std::string_view s, size_t n) {
  size_t pos = 0;
  while (n > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --n;
  }
  return pos;
}

// Letters become X/x, digits d, other characters stay; runs collapse ("Xxxxx-Xx" -> "Xx-Xx").
uint64_t ShapeKey(std::string_view form) {
  std::string shape;
  for (size_t i = 0; i < form.size();) {
    size_t len = 1;
    char32_t cp = DecodeUtf8(form, i, &len);
    char c = IsUpper(cp) ? 'X' : IsLower(cp) || IsLetter(cp) ? 'x' : IsDigit(cp) ? 'd' : cp < 0x80 ? static_cast<char>(cp) : '*';
    if (shape.size() < 2 || shape.back() != c || shape[shape.size() - 2] != c) shape.push_back(c);
    i += len;
  }
  return HashString(shape);
}

std::string DigitsAsZero(std::string lower) {
  for (char& c : lower) {
    if (c >= '1' && c <= '9') c = '0';
  }
  return lower;
}

}  // namespace

std::string WordKeyText(std::string_view form) { return DigitsAsZero(LowerForm(form)); }

std::string LowerForm(std::string_view form) {
  std::string lower = ToLower(form);
  // Typographic apostrophes read as the treebanks' ASCII ones.
  if (lower.find("\xE2\x80\x99") == std::string::npos) return lower;
  std::string out;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(lower[i]);
    }
  }
  return out;
}

uint64_t MorphKey(Morphology* morphology, std::string_view form, std::string_view language) {
  if (morphology == nullptr) return 0;
  const WordInfo& w = language == "en" ? morphology->LookupEnglish(form) : morphology->Lookup(form);
  uint64_t bits = 0;
  const bool flags[] = {w.known, w.proper, w.first_name, w.surname, w.noun, w.adjective, w.verb, w.infinitive,
                        w.participle, w.finite, w.function_word, w.auxiliary, w.english, w.english_verb,
                        w.english_proper};
  for (size_t i = 0; i < std::size(flags); ++i) bits |= static_cast<uint64_t>(flags[i]) << i;
  return bits + 3;  // never kNone or kRoot
}

WordKeys KeysOf(std::string_view form, bool first, uint64_t morph) {
  WordKeys k;
  std::string lower = LowerForm(form);
  k.lower = HashString(DigitsAsZero(lower));
  k.raw = HashString(form);
  k.shape = ShapeKey(form) * 2 + (first ? 1 : 0);
  k.morph = morph;
  for (size_t n = 1; n <= 4; ++n) {
    k.suffix[n - 1] = HashString(std::string_view(lower).substr(SuffixStart(lower, n))) + n;
    k.prefix[n - 1] = HashString(std::string_view(lower).substr(0, PrefixEnd(lower, n))) + n;
  }
  return k;
}

WordKeys KeysOf(std::string_view form, Morphology* morphology, std::string_view language) {
  WordKeys k = KeysOf(form, false, MorphKey(morphology, form, language));
  if (morphology != nullptr && language == "en") {
    const Morphology::EnglishFlags flags = morphology->EnglishFlagsOf(form);
    k.flag_stem = flags.stem;
    k.flag_affixes = flags.affixes;
  }
  return k;
}

void SetClusters(const ClusterTable& clusters, WordKeys* k) {
  if (clusters.empty()) return;
  const int64_t fine = clusters.Find(k->lower);
  k->cluster = fine < 0 ? kUnclustered : static_cast<uint64_t>(fine) + kUnclustered + 1;
  k->coarse = fine < 0 ? kUnclustered : static_cast<uint64_t>(fine) / clusters.fine_per_coarse() + kUnclustered + 1;
}

namespace {

// The tagger's features of the words' clusters (a model with clusters only).
void TaggerClusterFeatures(const std::vector<WordKeys>& k, uint64_t previous_tag, long n, std::vector<uint64_t>* out) {
  auto c = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].cluster; };
  auto cc = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].coarse; };
  out->push_back(FeatureHash(34, c(n)));
  out->push_back(FeatureHash(35, cc(n)));
  out->push_back(FeatureHash(36, c(n - 1)));
  out->push_back(FeatureHash(37, c(n + 1)));
  out->push_back(FeatureHash(38, previous_tag, c(n)));
  out->push_back(FeatureHash(39, c(n), cc(n + 1)));
  out->push_back(FeatureHash(40, cc(n - 1), c(n), k[n].suffix[1]));
}

}  // namespace

void TaggerFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, size_t i,
                    std::vector<uint64_t>* out) {
  auto w = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].lower; };
  auto m = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].morph; };
  auto s3 = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].suffix[2]; };
  auto t = [&](long j) { return j < 0 ? kNone : static_cast<uint64_t>(tags[j]) + 3; };
  long n = static_cast<long>(i);
  const WordKeys& x = k[i];
  out->clear();
  out->push_back(FeatureHash(1, 0));
  out->push_back(FeatureHash(2, x.lower));
  out->push_back(FeatureHash(3, w(n - 1)));
  out->push_back(FeatureHash(4, w(n + 1)));
  out->push_back(FeatureHash(5, w(n - 2)));
  out->push_back(FeatureHash(6, w(n + 2)));
  for (int j = 0; j < 4; ++j) out->push_back(FeatureHash(7 + j, x.suffix[j]));
  for (int j = 0; j < 3; ++j) out->push_back(FeatureHash(11 + j, x.prefix[j]));
  out->push_back(FeatureHash(14, x.shape));
  out->push_back(FeatureHash(15, t(n - 1)));
  out->push_back(FeatureHash(16, t(n - 2), t(n - 1)));
  out->push_back(FeatureHash(17, t(n - 1), x.lower));
  out->push_back(FeatureHash(18, s3(n + 1)));
  out->push_back(FeatureHash(19, s3(n - 1)));
  out->push_back(FeatureHash(20, x.morph));
  out->push_back(FeatureHash(21, x.morph, t(n - 1)));
  out->push_back(FeatureHash(22, m(n + 1)));
  out->push_back(FeatureHash(23, m(n - 1)));
  out->push_back(FeatureHash(24, x.lower, w(n + 1)));
  out->push_back(FeatureHash(25, w(n - 1), x.lower));
  out->push_back(FeatureHash(26, x.shape, t(n - 1)));
  out->push_back(FeatureHash(27, x.raw));
  out->push_back(FeatureHash(28, t(n - 1), w(n + 1)));
  out->push_back(FeatureHash(29, x.suffix[2], m(n + 1)));
  out->push_back(FeatureHash(30, x.morph, x.suffix[1]));
  if (x.flag_stem != 0 || x.flag_affixes != 0) {  // (English: French models stay as they were)
    out->push_back(FeatureHash(31, x.flag_stem));
    out->push_back(FeatureHash(32, x.flag_affixes));
    out->push_back(FeatureHash(33, x.flag_stem, x.flag_affixes));
  }
  if (x.cluster != 0) TaggerClusterFeatures(k, t(n - 1), n, out);
}

void Tagger2Features(const std::vector<WordKeys>& k, const std::vector<int>& tags, const std::vector<int>& first,
                     size_t i, std::vector<uint64_t>* out) {
  TaggerFeatures(k, tags, i, out);
  auto r = [&](size_t j) { return j >= first.size() ? kNone : static_cast<uint64_t>(first[j]) + 3; };
  auto t = [&](size_t j) { return j == 0 ? kNone : static_cast<uint64_t>(tags[j - 1]) + 3; };
  const WordKeys& x = k[i];
  out->push_back(FeatureHash(41, r(i)));
  out->push_back(FeatureHash(42, r(i + 1)));
  out->push_back(FeatureHash(43, r(i + 2)));
  out->push_back(FeatureHash(44, r(i + 1), r(i + 2)));
  out->push_back(FeatureHash(45, x.lower, r(i + 1)));
  out->push_back(FeatureHash(46, t(i), r(i + 1)));
  out->push_back(FeatureHash(47, x.suffix[2], r(i + 1)));
  out->push_back(FeatureHash(48, x.shape, r(i + 1)));
  out->push_back(FeatureHash(49, r(i), r(i + 1)));
}

void FeatsFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, size_t i,
                   std::vector<uint64_t>* out) {
  auto w = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : k[j].lower; };
  auto t = [&](long j) { return j < 0 || j >= static_cast<long>(k.size()) ? kNone : static_cast<uint64_t>(tags[j]) + 3; };
  long n = static_cast<long>(i);
  const WordKeys& x = k[i];
  uint64_t tag = t(n);
  out->clear();
  out->push_back(FeatureHash(101, tag));
  out->push_back(FeatureHash(102, tag, x.lower));
  for (int j = 0; j < 4; ++j) out->push_back(FeatureHash(103 + j, tag, x.suffix[j]));
  out->push_back(FeatureHash(107, tag, w(n - 1)));
  out->push_back(FeatureHash(108, tag, w(n + 1)));
  out->push_back(FeatureHash(109, tag, t(n - 1)));
  out->push_back(FeatureHash(110, tag, t(n + 1)));
  out->push_back(FeatureHash(111, tag, x.morph));
  out->push_back(FeatureHash(112, tag, w(n - 1), t(n - 1)));
  out->push_back(FeatureHash(113, tag, w(n - 2)));
  out->push_back(FeatureHash(114, tag, x.shape));
  if (x.cluster != 0) out->push_back(FeatureHash(115, tag, x.cluster));
}

void SplitterFeatures(const std::vector<std::string>& lower, size_t i, std::vector<uint64_t>* out) {
  auto w = [&](long j) {
    return j < 0 || j >= static_cast<long>(lower.size()) ? kNone : HashString(lower[j]);
  };
  auto s2 = [&](long j) {
    if (j < 0 || j >= static_cast<long>(lower.size())) return kNone;
    return HashString(std::string_view(lower[j]).substr(SuffixStart(lower[j], 2)));
  };
  long n = static_cast<long>(i);
  out->clear();
  out->push_back(FeatureHash(201, 0));
  out->push_back(FeatureHash(202, w(n - 1)));
  out->push_back(FeatureHash(203, w(n + 1)));
  out->push_back(FeatureHash(204, w(n - 2), w(n - 1)));
  out->push_back(FeatureHash(205, s2(n - 1)));
  out->push_back(FeatureHash(206, s2(n + 1)));
  out->push_back(FeatureHash(207, w(n - 1), w(n + 1)));
  out->push_back(FeatureHash(208, w(n), w(n - 1)));
}

Configuration::Configuration(size_t words)
    : heads(words + 1, -1), in_stack(words + 1, 0), left(words + 1), right(words + 1), n(words) {
  stack.push_back(0);
  in_stack[0] = 1;
}

bool Configuration::Allowed(int t) const {
  int s0 = stack.empty() ? -1 : stack.back();
  switch (t) {
    case kShift: return next <= n;
    case kReduce: return stack.size() > 1 && heads[s0] != -1;
    case kLeftArc: return next <= n && s0 > 0 && heads[s0] == -1;
    case kRightArc: return next <= n && s0 >= 0 && !(s0 == 0 && right[0].count != 0);
  }
  return false;
}

void Configuration::Apply(int t) {
  int s0 = stack.empty() ? -1 : stack.back();
  int b0 = static_cast<int>(next);
  switch (t) {
    case kShift: stack.push_back(b0); in_stack[b0] = 1; ++next; break;
    case kReduce: in_stack[s0] = 0; stack.pop_back(); break;
    case kLeftArc:
      heads[s0] = b0;
      left[b0].Add(s0);  // (left arcs come nearest first)
      in_stack[s0] = 0;
      stack.pop_back();
      break;
    case kRightArc:
      heads[b0] = s0;
      right[s0].Add(b0);
      stack.push_back(b0);
      in_stack[b0] = 1;
      ++next;
      break;
  }
}

uint64_t ParserTag(const SyntaxModel& m, int tag, std::string_view feats) {
  const std::string& name = m.tags[tag];
  return ParserTag(HashString(name), IsVerbTag(name), feats);
}

uint64_t ParserTag(uint64_t tag_hash, bool verb, std::string_view feats) {
  if (!verb) return tag_hash;
  const size_t pos = feats.find("VerbForm=");
  return pos == std::string_view::npos ? tag_hash : FeatureHash(301, tag_hash, HashString(feats.substr(pos, 12)));
}

namespace {

// Distance buckets: 1, 2, 3, 4, 5-9, 10+.
uint64_t Distance(int a, int b) {
  int d = std::abs(a - b);
  return d < 5 ? d : d < 10 ? 5 : 6;
}

struct Slot {
  uint64_t w = kNone, p = kNone, c = kNone, cc = kNone;
};

}  // namespace

void ParserFeatures(const Configuration& c, const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag,
                    std::vector<uint64_t>* out) {
  auto at = [&](int i) {
    Slot s;
    if (i == 0) s.w = s.p = kRoot;
    else if (i > 0 && i <= static_cast<int>(c.n)) {
      s.w = k[i - 1].lower;
      s.p = ptag[i - 1];
      s.c = k[i - 1].cluster;
      s.cc = k[i - 1].coarse;
    }
    return s;
  };
  int s0i = c.stack.empty() ? -1 : c.stack.back();
  int s1i = c.stack.size() < 2 ? -1 : c.stack[c.stack.size() - 2];
  int b0i = c.next <= c.n ? static_cast<int>(c.next) : -1;
  int b1i = c.next + 1 <= c.n ? static_cast<int>(c.next + 1) : -1;
  int b2i = c.next + 2 <= c.n ? static_cast<int>(c.next + 2) : -1;
  int s0hi = s0i > 0 ? c.heads[s0i] : -1;
  int s0h2i = s0hi > 0 ? c.heads[s0hi] : -1;
  auto child = [&](int i, bool leftmost, size_t nth) {
    if (i < 0) return -1;
    return (leftmost ? c.left[i] : c.right[i]).outer[nth];
  };
  Slot s0 = at(s0i), s1 = at(s1i), b0 = at(b0i), b1 = at(b1i), b2 = at(b2i), s0h = at(s0hi), s0h2 = at(s0h2i);
  Slot s0l = at(child(s0i, true, 0)), s0r = at(child(s0i, false, 0)), b0l = at(child(b0i, true, 0));
  Slot s0l2 = at(child(s0i, true, 1)), s0r2 = at(child(s0i, false, 1)), b0l2 = at(child(b0i, true, 1));
  uint64_t d = s0i >= 0 && b0i >= 0 ? Distance(s0i, b0i) : 0;
  uint64_t s0vl = s0i >= 0 ? c.left[s0i].count : 0, s0vr = s0i >= 0 ? c.right[s0i].count : 0;
  uint64_t b0vl = b0i >= 0 ? c.left[b0i].count : 0;
  // (Written in place: every configuration has kParserFeatures features.)
  out->resize(kParserFeatures);
  uint64_t* f = out->data();
  int t = 400;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) {
    f[t - 400] = FeatureHash(t + 1, a, b, x);
    ++t;
  };
  add(s0.w, s0.p); add(s0.w); add(s0.p);
  add(b0.w, b0.p); add(b0.w); add(b0.p);
  add(b1.w, b1.p); add(b1.w); add(b1.p);
  add(b2.w, b2.p); add(b2.w); add(b2.p);
  add(FeatureHash(1, s0.w, s0.p), b0.w, b0.p);
  add(FeatureHash(1, s0.w, s0.p), b0.w); add(s0.w, b0.w, b0.p);
  add(FeatureHash(1, s0.w, s0.p), b0.p); add(s0.p, b0.w, b0.p);
  add(s0.w, b0.w); add(s0.p, b0.p); add(b0.p, b1.p);
  add(b0.p, b1.p, b2.p); add(s0.p, b0.p, b1.p); add(s0h.p, s0.p, b0.p);
  add(s0.p, s0l.p, b0.p); add(s0.p, s0r.p, b0.p); add(s0.p, b0.p, b0l.p);
  add(s0.w, d); add(s0.p, d); add(b0.w, d); add(b0.p, d); add(s0.w, b0.w, d); add(s0.p, b0.p, d);
  add(s0.w, s0vr); add(s0.p, s0vr); add(s0.w, s0vl); add(s0.p, s0vl); add(b0.w, b0vl); add(b0.p, b0vl);
  add(s0h.w); add(s0h.p); add(s0l.w); add(s0l.p); add(s0r.w); add(s0r.p); add(b0l.w); add(b0l.p);
  add(s0h2.w); add(s0h2.p); add(s0l2.w); add(s0l2.p); add(s0r2.w); add(s0r2.p); add(b0l2.w); add(b0l2.p);
  add(s0.p, s0l.p, s0l2.p); add(s0.p, s0r.p, s0r2.p); add(s0.p, s0h.p, s0h2.p); add(b0.p, b0l.p, b0l2.p);
  add(s1.p, s0.p, b0.p); add(s1.w, s1.p); add(s1.p, s0.p); add(s0.p, b0.p, s0h.w);
  add(s0.p, b0.p, uint64_t(s0hi < 0 ? 0 : 1)); add(s0.w, b0.p, b1.p); add(s0.p, b0.w, b1.p);
  add(k.empty() || s0i <= 0 ? kNone : k[s0i - 1].suffix[2], b0.p);
  add(b0i <= 0 ? kNone : k[b0i - 1].suffix[2], s0.p);
  assert(t - 400 == static_cast<int>(kParserFeatures));
  if (k.empty() || k[0].cluster == 0) return;
  // The words' clusters (a model with clusters only), as words and with them (Koo et al. 2008).
  t = 470;
  auto more = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) { out->push_back(FeatureHash(++t, a, b, x)); };
  more(s0.c); more(b0.c); more(b1.c); more(s0.c, b0.c); more(s0.cc, b0.cc, d);
  more(s0.p, b0.c); more(s0.c, b0.p); more(s0.w, b0.c); more(s0.c, b0.w); more(s0h.c, s0.p, b0.p);
  more(s1.cc, s0.cc, b0.cc); more(b0.c, b1.cc, b0.p);
}

// Where a word's guide head lies in a configuration: none, s0, deeper in the
// stack, b0, later in the buffer, reduced already, the root.
uint64_t GuideHeadPlace(const Configuration& c, int head) {
  if (head < 0) return 0;
  if (head == 0) return 7;
  const int s0 = c.stack.empty() ? -1 : c.stack.back();
  if (head == s0) return 1;
  if (c.in_stack[head]) return 2;
  if (head == static_cast<int>(c.next)) return 3;
  return head > static_cast<int>(c.next) ? 4 : 5;
}

// What the guide says of the stack top s0 and the next word b0: whether it
// has an arc between them (and which way), and where each one's head lies.
// A stack word's guide-head place, and whether it has its head already.
uint64_t StackWordPlace(const Configuration& c, const Guide& g, int i) {
  return i > 0 ? GuideHeadPlace(c, g.heads[i]) + 8 * (c.heads[i] >= 0) : 0;
}

struct GuideAtTop {
  int s0 = -1, b0 = -1;
  uint64_t arc = 0, s0_head = 0, b0_head = 0;
};

GuideAtTop GuideOf(const Configuration& c, const Guide& g) {
  GuideAtTop x;
  x.s0 = c.stack.empty() ? -1 : c.stack.back();
  x.b0 = c.next <= c.n ? static_cast<int>(c.next) : -1;
  x.arc = x.s0 >= 0 && x.b0 > 0 ? (g.heads[x.b0] == x.s0 ? 1 : x.s0 > 0 && g.heads[x.s0] == x.b0 ? 2 : 3) : 0;
  x.b0_head = x.b0 > 0 ? GuideHeadPlace(c, g.heads[x.b0]) : 0;
  x.s0_head = StackWordPlace(c, g, x.s0);
  return x;
}

uint64_t GuidedContext(const Configuration& c, const std::vector<uint64_t>& ptag, const Guide& g) {
  const GuideAtTop x = GuideOf(c, g);
  return FeatureHash(FeatureHash(603, TransitionContext(c, ptag)), x.arc, FeatureHash(1, x.s0_head, x.b0_head));
}

void GuidedParserFeatures(const Configuration& c, const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag,
                          const Guide& g, std::vector<uint64_t>* out) {
  ParserFeatures(c, k, ptag, out);
  const GuideAtTop top = GuideOf(c, g);
  const int s0 = top.s0, b0 = top.b0;
  const uint64_t arc = top.arc, b0_head = top.b0_head, s0_head = top.s0_head;
  auto tag = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : ptag[i - 1]; };
  auto word = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : k[i - 1].lower; };
  // The guide's children of s0 still in the buffer, of b0 in the stack unattached.
  uint64_t s0_later = 0, b0_earlier = 0;
  if (s0 >= 0) {
    for (int x : g.children[s0]) s0_later += x >= static_cast<int>(c.next);
  }
  if (b0 > 0) {
    for (int x : g.children[b0]) b0_earlier += x < b0 && c.in_stack[x] && c.heads[x] < 0;
  }
  s0_later = std::min<uint64_t>(s0_later, 2);
  b0_earlier = std::min<uint64_t>(b0_earlier, 2);
  const uint64_t s0p = tag(s0), b0p = tag(b0);
  int t = 700;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) { out->push_back(FeatureHash(++t, a, b, x)); };
  add(arc); add(arc, s0p, b0p); add(arc, word(b0)); add(arc, word(s0));
  add(b0_head); add(b0_head, b0p); add(b0_head, b0p, s0p); add(b0_head, word(b0));
  add(s0_head); add(s0_head, s0p); add(s0_head, s0p, b0p);
  add(s0_head, b0_head); add(FeatureHash(1, s0_head, b0_head), arc);
  add(s0_later, b0_earlier); add(s0_later, s0p); add(b0_earlier, b0p);
  add(FeatureHash(1, s0_later, b0_earlier), arc, FeatureHash(1, s0_head, b0_head));
  const int s1 = c.stack.size() < 2 ? -1 : c.stack[c.stack.size() - 2];
  const int b1 = c.next + 1 <= c.n ? static_cast<int>(c.next + 1) : -1;
  const uint64_t s1_head = StackWordPlace(c, g, s1);
  const uint64_t b1_head = b1 > 0 ? GuideHeadPlace(c, g.heads[b1]) : 0;
  add(s1_head, s0_head, b0_head); add(b1_head, b0_head, arc); add(b1_head, tag(b1), b0p);
  auto span = [&](int i) {  // the guide arc's direction and length from word i
    if (i <= 0) return uint64_t{0};
    const int h = g.heads[i];
    return h == 0 ? uint64_t{15} : (h < i ? 0 : 8) + std::min<uint64_t>(std::abs(h - i), 7);
  };
  add(span(b0), b0p); add(span(s0), s0p); add(span(b0), span(s0), arc);
  add(tag(b0 > 0 ? g.heads[b0] : -1), b0p, b0_head); add(tag(s0 > 0 ? g.heads[s0] : -1), s0p, s0_head);
  // How sure the first parser was of the guide arcs of b0 and s0.
  auto sure = [&](int i) { return i > 0 && static_cast<size_t>(i) < g.sure.size() ? uint64_t{g.sure[i]} + 1 : 0; };
  const uint64_t sb0 = sure(b0), ss0 = sure(s0);
  add(sb0, arc); add(sb0, b0_head); add(ss0, s0_head); add(sb0, ss0, arc); add(sb0, b0p, b0_head);
  add(ss0, s0p, s0_head);
}

void RetaggerFeatures(const std::vector<WordKeys>& k, const std::vector<int>& tags, const std::vector<int>& heads,
                      const ChildLists& children, size_t i, std::vector<uint64_t>* out) {
  const int w = static_cast<int>(i) + 1;  // 1-based, as heads
  const int h = heads[w];
  auto t = [&](int j) { return j == 0 ? kRoot : j < 0 || j > static_cast<int>(k.size()) ? kNone : static_cast<uint64_t>(tags[j - 1]) + 3; };
  auto word = [&](int j) { return j == 0 ? kRoot : j < 0 || j > static_cast<int>(k.size()) ? kNone : k[j - 1].lower; };
  const uint64_t tw = t(w), th = t(h), dir = h == 0 ? 0 : h < w ? 1 : 2, dist = h == 0 ? 7 : Distance(w, h);
  out->clear();
  int n = 900;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) { out->push_back(FeatureHash(++n, a, b, x)); };
  const WordKeys& x = k[i];
  add(tw); add(tw, x.lower); add(x.lower); add(tw, x.suffix[2]); add(tw, x.suffix[1]); add(tw, x.shape);
  add(tw, x.morph); add(tw, x.raw);
  add(tw, th); add(tw, word(h)); add(FeatureHash(1, tw, th), dir, dist); add(x.lower, th, dir);
  add(tw, th, t(h > 0 ? heads[h] : -1));
  add(t(w - 1), tw, t(w + 1)); add(tw, word(w - 1)); add(tw, word(w + 1));
  uint64_t left = 0, right = 0;
  for (int c : children[w]) {
    add(tw, t(c), c < w ? 1 : 2);
    add(x.lower, t(c), c < w ? 1 : 2);
    (c < w ? left : right) += 1;
  }
  add(tw, std::min<uint64_t>(left, 3), std::min<uint64_t>(right, 3));
  // The head's other children's tags, beside this word's.
  for (int c : children[h]) {
    if (c != w && std::abs(c - w) <= 2) add(tw, t(c), th);
  }
  if (x.cluster == 0) return;
  const uint64_t ch = h == 0 ? kRoot : k[h - 1].cluster;
  n = 1950;  // (past the ids the loops above may reach)
  add(tw, x.cluster); add(tw, x.cluster, th); add(tw, ch, dir);
}

uint64_t TransitionContext(const Configuration& c, const std::vector<uint64_t>& ptag) {
  auto tag = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : ptag[i - 1]; };
  const int s0 = c.stack.empty() ? -1 : c.stack.back();
  const int b0 = c.next <= c.n ? static_cast<int>(c.next) : -1;
  const int b1 = c.next + 1 <= c.n ? static_cast<int>(c.next + 1) : -1;
  uint64_t allowed = 0;
  for (int t = 0; t < kTransitions; ++t) allowed |= uint64_t{c.Allowed(t)} << t;
  const uint64_t d = s0 >= 0 && b0 >= 0 ? Distance(s0, b0) : 0;
  return FeatureHash(FeatureHash(601, tag(s0), tag(b0), tag(b1)), d, allowed);
}

uint64_t LabelContext(const std::vector<uint64_t>& ptag, const std::vector<int>& heads, int dep) {
  const int head = heads[dep];
  const uint64_t h = head == 0 ? kRoot : ptag[head - 1];
  return FeatureHash(FeatureHash(602, ptag[dep - 1], h), dep < head ? 1 : 2, head == 0 ? 7 : Distance(dep, head));
}

ChildLists::ChildLists(const std::vector<int>& heads)
    : start_(heads.size() + 1, 0), items_(heads.empty() ? 0 : heads.size() - 1) {
  for (size_t i = 1; i < heads.size(); ++i) ++start_[heads[i] + 1];
  for (size_t h = 1; h < start_.size(); ++h) start_[h] += start_[h - 1];
  std::vector<int> fill(start_.begin(), start_.end() - 1);
  for (size_t i = 1; i < heads.size(); ++i) items_[fill[heads[i]]++] = static_cast<int>(i);
}

void LabelFeatures(const std::vector<WordKeys>& k, const std::vector<uint64_t>& ptag, const std::vector<int>& heads,
                   const ChildLists& children, int dep, std::vector<uint64_t>* out) {
  // dep and heads are 1-based; heads[dep] == 0 is the root.
  int head = heads[dep];
  auto w = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : k[i - 1].lower; };
  auto p = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : ptag[i - 1]; };
  uint64_t dir = dep < head ? 1 : 2;
  uint64_t dist = head == 0 ? 7 : Distance(dep, head);
  std::vector<uint64_t>& f = *out;
  f.clear();
  int t = 500;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) { f.push_back(FeatureHash(++t, a, b, x)); };
  uint64_t dp = p(dep), hp = p(head), dw = w(dep), hw = w(head);
  add(dw); add(dp); add(hw); add(hp); add(dp, hp); add(dw, hp); add(dp, hw); add(dw, hw);
  add(dir, dp, hp); add(dist, dp, hp); add(k[dep - 1].suffix[2], hp); add(k[dep - 1].shape, dp);
  int hh = head > 0 ? heads[head] : -1;
  add(p(hh), hp, dp);
  // The rank of the dependent among its head's children on its side.
  uint64_t rank = 0;
  for (int c : children[head]) {
    if ((c < head) == (dep < head) && (dep < head ? c > dep : c < dep)) ++rank;
  }
  add(std::min<uint64_t>(rank, 3), dir, FeatureHash(1, dp, hp));
  add(k[dep - 1].morph, dp);
  // Function words among the dependent's children (case markers: "par" -> obl:agent).
  for (int c : children[dep]) {
    uint64_t cp = p(c);
    add(cp, dp, hp);
    if (c < dep) add(w(c), dp, hp);
  }
  // The head's other function-word children (auxiliaries: passive, tense).
  for (int c : children[head]) {
    if (c == dep) continue;
    uint64_t cp = p(c);
    add(cp, dir, dp);
    if (std::abs(c - head) <= 3) add(w(c), dir, dp);
  }
  add(w(dep - 1), dp, hp);
  add(dep < static_cast<int>(k.size()) ? w(dep + 1) : kNone, dp, hp);
  if (k[dep - 1].cluster == 0) return;
  auto c = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : k[i - 1].cluster; };
  auto cc = [&](int i) { return i == 0 ? kRoot : i < 0 ? kNone : k[i - 1].coarse; };
  t = 1570;  // (past the ids the loops above may reach)
  add(c(dep), dp); add(c(head), hp); add(c(dep), c(head)); add(dp, c(head), dir); add(c(dep), hp, dir);
  add(cc(dep), cc(head), dir);
}

namespace {

// An English word the dictionary knows, or a form of our English verb table
// (whose entries do not carry the dictionary's flag: "join" is one).
bool KnownEnglish(Morphology* morphology, const std::string& word) {
  const WordInfo& info = morphology->Lookup(word);
  return info.english || info.english_verb;
}

}  // namespace

std::string Lemmatize(const SyntaxModel& m, Morphology* morphology, std::string_view form, int tag) {
  const std::string& name = m.tags[tag];
  std::string lower = LowerForm(form);
  auto it = m.lemmas.find(lower + "\t" + name);
  if (it != m.lemmas.end()) return it->second;
  if (name == "PROPN") return std::string(form);
  if (name == "NUM" || name == "PUNCT" || name == "SYM") return std::string(form);
  const bool verb = name == "VERB" || name == "AUX";
  const bool english = m.language == "en";
  // An English irregular form the treebank did not teach ("sped" -> speed:
  // the suffix rule of "stopped" made it "s").
  if (english && verb) {
    std::string_view irregular = EnglishIrregularLemma(lower);
    if (!irregular.empty()) return std::string(irregular);
  }
  // A verb's lemma from the dictionary (French) or from our English verb
  // table ("forbade" -> forbid).
  if (morphology != nullptr && verb) {
    const WordInfo& info = english ? morphology->LookupEnglish(lower) : morphology->Lookup(lower);
    if (!info.verb_lemma.empty() && (!english || info.english_verb)) return info.verb_lemma;
  }
  for (size_t n = 5; n >= 1; --n) {
    size_t start = SuffixStart(lower, n);
    if (start == 0 && n > 1 && lower.size() < 3) continue;
    auto rule = m.lemma_rules.find(name + "\t" + lower.substr(start));
    // A rule rewrites only the suffix it was found by: "Q1" -> "Q1" made
    // the rule "strip two, add Q1" for the suffix "1", and "R1" became "Q1".
    if (rule == m.lemma_rules.end() || rule->second.strip > lower.size() - start) continue;
    size_t cut = lower.size() - rule->second.strip;
    if (cut < lower.size() && (static_cast<unsigned char>(lower[cut]) & 0xC0) == 0x80) continue;  // inside a character
    std::string lemma = lower.substr(0, cut) + rule->second.add;
    // In English, a word the dictionary knows rather than a rule's guess: a
    // final "e" an "-ed" or "-ing" rule cut ("ceded" -> "ced": "cede"), else
    // the word itself ("compatriot", not "compatriet").
    if (morphology != nullptr && english && !KnownEnglish(morphology, lemma)) {
      if (rule->second.add.empty() && KnownEnglish(morphology, lemma + "e")) return lemma + "e";
      if (KnownEnglish(morphology, lower)) return lower;
    }
    return lemma;
  }
  return lower;
}

}  // namespace kg::syntax
