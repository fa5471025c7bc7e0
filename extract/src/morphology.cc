#include "kg/extract/morphology.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "kg/base/atomic_file.h"
#include "kg/base/text.h"
#include "lexicon_data.h"

namespace kg {

namespace {

std::string Field(std::string_view analysis, std::string_view key) {
  size_t p = analysis.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t e = analysis.find(' ', p);
  return std::string(analysis.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
}

// ASCII, apart from typographic apostrophes (which hunspell maps to ').
bool MaybeAscii(std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    if (static_cast<unsigned char>(word[i]) < 0x80) continue;
    if (word.substr(i, 3) != "’") return false;
    i += 2;
  }
  return true;
}

// True when the file has only ASCII bytes.
bool FileIsAscii(const std::string& path) {
  std::string bytes;
  if (!ReadFile(path, &bytes).ok()) return false;
  for (char c : bytes) if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::mutex& HunspellLifetimeMutex() {
  static std::mutex m;
  return m;
}

// English verb forms -> WordInfo, derived from data/en_verbs.tsv, plus the
// auxiliaries (mapped to avoir / être so one chain logic serves both languages).
const FlatStringMap<WordInfo>& EnglishVerbs() {
  static const FlatStringMap<WordInfo> table = [] {
    FlatStringMap<WordInfo> t;
    auto add = [&](const std::string& form, const std::string& lemma, bool finite, bool infinitive, bool participle) {
      WordInfo& w = t[form];
      w.known = w.verb = w.english_verb = true;
      w.verb_lemma = lemma;
      w.finite = w.finite || finite;
      w.infinitive = w.infinitive || infinitive;
      w.participle = w.participle || participle;
    };
    auto ends = [](const std::string& s, const char* suf) {
      size_t n = std::strlen(suf);
      return s.size() >= n && s.compare(s.size() - n, n, suf) == 0;
    };
    for (auto line : data::Lines(data::en_verbs_tsv)) {
      std::string l(line);
      std::string lemma = l.substr(0, l.find('\t'));
      std::string past, pp;
      size_t t1 = l.find('\t');
      if (t1 != std::string::npos) {
        size_t t2 = l.find('\t', t1 + 1);
        past = l.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
        pp = t2 == std::string::npos ? past : l.substr(t2 + 1);
      }
      std::string stem = lemma;
      bool e_final = ends(lemma, "e");
      bool y_final = ends(lemma, "y") && lemma.size() > 2 && std::string("aeiou").find(lemma[lemma.size() - 2]) == std::string::npos;
      if (e_final) stem.pop_back();
      std::string s3 = y_final ? lemma.substr(0, lemma.size() - 1) + "ies"
                     : (ends(lemma, "s") || ends(lemma, "sh") || ends(lemma, "ch") || ends(lemma, "x")) ? lemma + "es"
                                                                                                         : lemma + "s";
      std::string ed = y_final ? lemma.substr(0, lemma.size() - 1) + "ied" : stem + "ed";
      add(lemma, lemma, true, true, false);
      add(s3, lemma, true, false, false);
      add(stem + "ing", lemma, false, false, false);
      if (past.empty()) {
        add(ed, lemma, true, false, true);
      } else {
        add(past, lemma, true, false, false);
        add(pp, lemma, false, false, true);
      }
    }
    for (const char* be : {"is", "are", "was", "were", "be", "been", "being"}) {
      WordInfo& w = t[be];
      w = WordInfo{};
      w.known = w.verb = w.auxiliary = true;
      w.finite = std::strcmp(be, "be") != 0 && std::strcmp(be, "been") != 0 && std::strcmp(be, "being") != 0;
      w.verb_lemma = "être";
    }
    for (const char* have : {"has", "have", "had"}) {
      WordInfo& w = t[have];
      w = WordInfo{};
      w.known = w.verb = w.auxiliary = w.finite = true;
      w.verb_lemma = "avoir";
    }
    for (const char* modal : {"will", "would", "can", "could", "should", "may", "might", "must"}) {
      WordInfo& w = t[modal];
      w = WordInfo{};
      w.known = w.verb = w.finite = true;
      w.verb_lemma = modal;
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string DefaultHunspellDir() {
  if (const char* env = std::getenv("KG_HUNSPELL_DIR"); env && *env) return env;
  return "/usr/share/hunspell";
}

bool SharedWordCache::Find(std::string_view word, WordInfo* out) {
  Shard& shard = ShardOf(word);
  std::lock_guard<std::mutex> lock(shard.mutex);
  const WordInfo* found = shard.words.Find(word);
  if (!found) return false;
  *out = *found;
  return true;
}

void SharedWordCache::Insert(std::string_view word, const WordInfo& info) {
  Shard& shard = ShardOf(word);
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (shard.words.size() >= kMaxWords / 64) return;
  shard.words.Emplace(word, info);
}

StatusOr<std::shared_ptr<const AffixDictionary>> SharedWordCache::Dictionary(const std::string& aff,
                                                                             const std::string& dic) {
  // The first caller for a dictionary loads it; later ones wait for that
  // load. Different dictionaries load at the same time.
  std::promise<Loaded> mine;
  std::shared_future<Loaded> wanted;
  bool load = false;
  {
    std::lock_guard<std::mutex> lock(dictionaries_mutex_);
    auto it = dictionaries_.find(aff);
    if (it == dictionaries_.end()) {
      it = dictionaries_.emplace(aff, mine.get_future().share()).first;
      load = true;
    }
    wanted = it->second;
  }
  if (load) {
    auto loaded = AffixDictionary::Load(aff, dic);
    Loaded entry = loaded.status();
    if (loaded.ok()) entry = std::shared_ptr<const AffixDictionary>(std::move(*loaded));
    mine.set_value(std::move(entry));
  }
  return wanted.get();
}

namespace {

// Our reader of a hunspell dictionary, shared through `shared` when given.
StatusOr<std::shared_ptr<const AffixDictionary>> LoadDictionary(const std::string& aff, const std::string& dic,
                                                                SharedWordCache* shared) {
  if (shared) return shared->Dictionary(aff, dic);
  auto own = AffixDictionary::Load(aff, dic);
  if (!own.ok()) return own.status();
  return std::shared_ptr<const AffixDictionary>(std::move(*own));
}

}  // namespace

StatusOr<std::unique_ptr<Morphology>> Morphology::Open(const std::string& dir, SharedWordCache* shared) {
  namespace fs = std::filesystem;
  for (const char* base : {"fr_FR", "fr"}) {
    fs::path aff = fs::path(dir) / (std::string(base) + ".aff");
    fs::path dic = fs::path(dir) / (std::string(base) + ".dic");
    std::error_code ec;
    if (fs::exists(aff, ec) && fs::exists(dic, ec)) {
      std::unique_ptr<Morphology> m(new Morphology());
      m->shared_ = shared;
      // The English dictionary loads on a thread of its own meanwhile.
      fs::path en_aff = fs::path(dir) / "en_US.aff", en_dic = fs::path(dir) / "en_US.dic";
      bool with_english = fs::exists(en_aff, ec) && fs::exists(en_dic, ec);
      struct English {
        std::shared_ptr<const AffixDictionary> dict;
        bool ascii = false;
      };
      std::future<English> english;
      if (with_english) {
        english = std::async(std::launch::async, [en_aff, en_dic, shared] {
          English e;
          auto loaded = LoadDictionary(en_aff.string(), en_dic.string(), shared);
          if (loaded.ok()) e.dict = *loaded;
          // An all-ASCII English word list (Debian's is) knows no word with
          // other characters: those need not be asked.
          e.ascii = FileIsAscii(en_dic.string());
          return e;
        });
      }
      // French analyses must be Hunspell's own: a dictionary with compound
      // rules, which the reader does not apply, goes to Hunspell.
      auto french = LoadDictionary(aff.string(), dic.string(), shared);
      if (french.ok() && !(*french)->compounds()) {
        m->french_ = *french;
      } else {
        // Hunspell's constructor and destructor share a global table through a
        // plain counter: they must not run on two threads at once.
        std::lock_guard<std::mutex> lock(HunspellLifetimeMutex());
        m->hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
      }
      if (with_english) {
        English e = english.get();
        m->english_aff_ = en_aff.string();
        m->english_dic_ = en_dic.string();
        m->english_dict_ = e.dict;
        m->english_ascii_ = e.ascii;
      }
      return m;
    }
  }
  return IoError(dir + ": no French hunspell dictionary (fr_FR.aff/.dic); install hunspell-fr-comprehensive");
}

namespace {

// Where the "po:" fields of one analysis start, found in one pass; Has(tag)
// is then the same as searching the whole analysis for the tag (every tag
// asked for starts with "po:").
class PoFields {
 public:
  explicit PoFields(std::string_view a) : a_(a) {
    for (size_t p = a.find("po:"); p != std::string_view::npos; p = a.find("po:", p + 1)) {
      if (n_ == at_.size()) {
        overflow_ = true;
        break;
      }
      at_[n_++] = p;
    }
  }
  bool Has(std::string_view tag) const {
    if (overflow_) return a_.find(tag) != std::string_view::npos;
    for (size_t i = 0; i < n_; ++i) {
      if (a_.compare(at_[i], tag.size(), tag) == 0) return true;
    }
    return false;
  }

 private:
  std::string_view a_;
  std::array<size_t, 16> at_{};
  size_t n_ = 0;
  bool overflow_ = false;
};

// Folds one analysis ("st:utiliser po:v1... is:ind pre 3sg") into `info`.
void AddAnalysis(const std::string& analysis, const std::string& lemma, WordInfo* info) {
  PoFields a(analysis);
  auto Has = [&a](std::string_view tag) { return a.Has(tag); };
  info->known = true;
  if (Has("po:npr") || Has("po:prn") || Has("po:patr")) info->proper = true;
  if (Has("po:prn")) {
    info->first_name = true;
    // Gender fields are not "po:" fields: searched in the whole analysis.
    if (analysis.find("is:fem") != std::string::npos) info->feminine_name = true;
    if (analysis.find("is:mas") != std::string::npos) info->masculine_name = true;
  }
  if (Has("po:patr")) info->surname = true;
  if (Has("po:nom")) info->noun = true;
  if (Has("po:adj")) info->adjective = true;
  if (Has("po:v")) {
    bool aux = lemma == "avoir" || lemma == "être";
    if (aux) info->auxiliary = true;
    info->verb = true;
    std::string flags = Field(analysis, "po:v");
    if (flags.size() >= 8 && flags[7] == 'e') info->etre_verb = true;
    if (Has("po:infi")) info->infinitive = true;
    if (Has("po:ppas")) info->participle = true;
    if (!Has("po:ppas") && !Has("po:infi") && !Has("po:ppre")) info->finite = true;
    if (info->verb_lemma.empty() || (!Has("po:ppas") && info->participle)) info->verb_lemma = lemma;
  }
  if (Has("po:det") || Has("po:prep") || Has("po:pro") || Has("po:cj") || Has("po:adv") ||
      Has("po:negadv")) {
    info->function_word = true;
  }
}

// "Macron", "Paris": a capital, then no other upper-case letter.
bool IsTitleCase(std::string_view word) {
  size_t len;
  if (word.empty() || !IsUpper(DecodeUtf8(word, 0, &len))) return false;
  for (size_t i = len; i < word.size();) {
    if (IsUpper(DecodeUtf8(word, i, &len))) return false;
    i += len;
  }
  return true;
}

}  // namespace

WordInfo Morphology::Analyze(std::string_view word, WordInfo* lower_info) {
  WordInfo info, lower;
  bool capital_only = false;
  bool title = lower_info != nullptr && IsTitleCase(word);
  if (available() && !word.empty() && word.size() < 64) {
    std::vector<std::string> analyses;
    if (french_) french_->Analyze(word, &analyses);
    else analyses = hunspell_->analyze(std::string(word));
    capital_only = !analyses.empty();
    for (const std::string& a : analyses) {
      std::string lemma = Field(a, "st:");
      size_t l;
      bool capital_lemma = !lemma.empty() && IsUpper(DecodeUtf8(lemma, 0, &l));
      if (!capital_lemma) capital_only = false;
      AddAnalysis(a, lemma, &info);
      // Hunspell reads a capitalised word both as written and in lower case:
      // the readings with a lower-case lemma are the lower-case word's —
      // except splits of the capital itself ("El" read as "E st:l", a bare
      // segment before the fields).
      std::string_view prefix(a.data(), std::min(a.find(' '), a.size()));
      bool split = !prefix.empty() && prefix.find(':') == std::string_view::npos;
      if (title && !capital_lemma && !split) AddAnalysis(a, lemma, &lower);
    }
  }
  FinishInfo(word, capital_only, &info);
  if (title) {
    std::string lower_word = ToLower(word);
    FinishInfo(lower_word, false, &lower);
    *lower_info = std::move(lower);
  }
  return info;
}

// The English side, and the proper-noun rule, for a word whose French
// readings are in `info`.
void Morphology::FinishInfo(std::string_view word, bool capital_only, WordInfo* info) {
  if (!english_aff_.empty() && !word.empty() && word.size() < 64 && (!english_ascii_ || MaybeAscii(word))) {
    std::string w(word);
    info->english = SpellEnglish(w);
    if (info->english) {
      std::string lower = ToLower(w);
      info->english_proper = lower != w && !SpellEnglish(lower);
      info->english_capital = lower != w && english_dict_ && english_dict_->HasCaseExact(w);
    }
  }
  // English verbs, for the words the French dictionary does not know.
  if (!info->known) {
    if (const WordInfo* e = EnglishVerbs().Find(word)) {
      bool proper = info->proper;
      *info = *e;
      info->proper = proper;
    }
  }
  // A capitalised entry of its own (Chine, Taïwan) makes a proper noun only
  // when the word has no common reading ("Ce" is also the symbol of cerium).
  if (capital_only && !info->function_word) info->proper = true;
}

Morphology::EnglishFlags Morphology::EnglishFlagsOf(std::string_view word) const {
  EnglishFlags out;
  if (!english_dict_ || word.empty() || word.size() >= 64) return out;
  std::vector<std::string> analyses;
  english_dict_->Analyze(word, &analyses);
  for (const std::string& line : analyses) {
    bool affixed = false;
    for (std::string_view field : Split(line, ' ')) {
      if (field.substr(0, 3) == "st:") out.stem |= english_dict_->LetterFlags(field.substr(3));
      if (field.substr(0, 3) == "fl:" && field.size() == 4) {
        out.affixes |= AffixDictionary::LetterBit(static_cast<unsigned char>(field[3]));
        affixed = true;
      }
    }
    if (!affixed) out.affixes |= uint64_t{1} << 63;  // the word itself is an entry
  }
  return out;
}

bool Morphology::SpellEnglish(const std::string& word) {
  // Compound rules only build words with digits in en_US ("21st").
  bool digits = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (english_dict_ && (!english_dict_->compounds() || !digits)) return english_dict_->Accepts(word);
  if (!english_) {
    std::lock_guard<std::mutex> lock(HunspellLifetimeMutex());
    english_ = std::make_unique<Hunspell>(english_aff_.c_str(), english_dic_.c_str());
  }
  return english_->spell(word);
}

std::unique_ptr<Morphology> Morphology::Empty() { return std::unique_ptr<Morphology>(new Morphology()); }

Morphology::~Morphology() {
  std::lock_guard<std::mutex> lock(HunspellLifetimeMutex());
  hunspell_.reset();
  english_.reset();
}

const WordInfo& Morphology::LookupEnglish(std::string_view word) {
  if (const WordInfo* e = EnglishVerbs().Find(word)) return *e;
  return Lookup(word);
}

const WordInfo& Morphology::Lookup(std::string_view word) {
  if (const WordInfo* cached = cache_.Find(word)) return *cached;
  WordInfo info;
  if (!shared_ || !shared_->Find(word, &info)) {
    // A title-case word's analysis also gives its lower-case reading.
    WordInfo lower;
    bool title = IsTitleCase(word);
    info = AnalyzeShared(word, title ? &lower : nullptr);
    if (title) Remember(&lower_of_, kLowerOfMark + std::string(word), std::move(lower));
  }
  return Remember(&cache_, std::string(word), std::move(info));
}

const WordInfo& Morphology::LookupLowerOf(std::string_view word) {
  if (!IsTitleCase(word)) return Lookup(ToLower(word));
  std::string key = kLowerOfMark + std::string(word);
  if (const WordInfo* cached = lower_of_.Find(key)) return *cached;
  WordInfo lower;
  if (!shared_ || !shared_->Find(key, &lower)) {
    WordInfo info = AnalyzeShared(word, &lower);
    if (!cache_.Contains(word)) Remember(&cache_, std::string(word), std::move(info));
  }
  return Remember(&lower_of_, std::move(key), std::move(lower));
}

WordInfo Morphology::AnalyzeShared(std::string_view word, WordInfo* lower) {
  WordInfo info = Analyze(word, lower);
  if (shared_) {
    shared_->Insert(word, info);
    if (lower) shared_->Insert(kLowerOfMark + std::string(word), *lower);
  }
  return info;
}

const WordInfo& Morphology::Remember(Cache* cache, std::string key, WordInfo info) {
  // A full cache (input full of distinct junk words) keeps memory bounded:
  // further words go to a small ring, valid for the next kOverflowSlots lookups.
  if (cache->size() >= kMaxCacheWords) {
    WordInfo& slot = overflow_[overflow_next_++ % overflow_.size()];
    slot = std::move(info);
    return slot;
  }
  return *cache->Emplace(key, std::move(info)).first;
}

}  // namespace kg
