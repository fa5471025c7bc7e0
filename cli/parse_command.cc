// kg parse: CoNLL-U (tags, lemmas, features, dependency trees) for raw text,
// or re-annotation of a CoNLL-U file's own sentences and tokens.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>

#include "commands.h"
#include "kg/base/atomic_file.h"
#include "kg/extract/conllu.h"
#include "kg/extract/corpus.h"
#include "kg/extract/morphology.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/syntax.h"
#include "kg/extract/tokenizer.h"

namespace kg::cli {
namespace {

struct Annotators {
  std::unique_ptr<Morphology> morphology;
  double seconds = 0;  // spent annotating (not reading, loading or writing)
  size_t words = 0;
  std::map<std::string, std::shared_ptr<const SyntaxModel>> models;
  std::map<std::string, std::unique_ptr<SyntaxAnnotator>> annotators;
};

StatusOr<SyntaxAnnotator*> AnnotatorFor(const ParseFlags& f, const std::string& lang, Annotators* a) {
  auto it = a->annotators.find(lang);
  if (it != a->annotators.end()) return it->second.get();
  std::string dir = f.models_dir.empty() ? DefaultModelsDir() : f.models_dir;
  const std::string path = ParseModelPath(dir, lang);
  auto model = SyntaxModel::Load(path);
  if (!model.ok()) return model.status();
  if (f.verbose) std::cerr << "kg parse: " << lang << " model " << path << "\n";
  a->models[lang] = *model;
  auto annotator = std::make_unique<SyntaxAnnotator>(**model, a->morphology.get());
  SyntaxAnnotator* out = annotator.get();
  a->annotators[lang] = std::move(annotator);
  return out;
}

std::string LanguageOf(const ParseFlags& f, std::string_view text) {
  if (f.language != "auto") return f.language;
  return DetectLanguage(text) == Language::kEnglish ? "en" : "fr";
}

Status ParseRaw(const ParseFlags& f, Annotators* a, std::string* out) {
  auto source = DocumentSource::Open(f.inputs);
  if (!source.ok()) return source.status();
  Document doc;
  while (true) {
    auto more = (*source)->Next(&doc);
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::string lang = LanguageOf(f, doc.text);
    auto annotator = AnnotatorFor(f, lang, a);
    if (!annotator.ok()) return annotator.status();
    Segmenter segmenter(lang == "en" ? Language::kEnglish : Language::kFrench);
    int n = 0;
    for (SentenceSpan span : segmenter.Split(doc.text)) {
      std::vector<std::string> tokens;
      for (const Token& t : Tokenize(doc.text, span)) tokens.emplace_back(t.Text(doc.text));
      if (tokens.empty()) continue;
      auto start = std::chrono::steady_clock::now();
      UdSentence s = (*annotator)->AnnotateTokens(tokens);
      a->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      a->words += s.words.size();
      s.comments.push_back("# sent_id = " + doc.id + "-" + std::to_string(++n));
      s.comments.push_back("# text = " + doc.text.substr(span.start, span.end - span.start));
      for (char& c : s.comments.back()) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      AppendConllu(s, out);
    }
  }
  return Status::Ok();
}

Status ParsePretokenized(const ParseFlags& f, Annotators* a, std::string* out) {
  for (const std::string& path : f.inputs) {
    auto sentences = ReadConllu(path);
    if (!sentences.ok()) return sentences.status();
    for (UdSentence& s : *sentences) {
      std::string text;
      for (const UdWord& w : s.words) text += w.form + " ";
      auto annotator = AnnotatorFor(f, LanguageOf(f, text), a);
      if (!annotator.ok()) return annotator.status();
      static const std::string kBlank = "_";
      for (UdWord& w : s.words) w.xpos = w.deps = kBlank;  // not predicted: never echoed as if they were
      auto start = std::chrono::steady_clock::now();
      (*annotator)->Annotate(&s);
      a->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      a->words += s.words.size();
      AppendConllu(s, out);
    }
  }
  return Status::Ok();
}

}  // namespace

void AddParseCommand(CLI::App& app, ParseFlags* f) {
  CLI::App* cmd = app.add_subcommand("parse", "Tag, lemmatize and parse text into CoNLL-U (Universal Dependencies)");
  cmd->footer(
      "Examples:\n"
      "  kg parse article.txt                      CoNLL-U on standard output\n"
      "  kg parse --lang en news/ -o news.conllu\n"
      "  kg parse --pretokenized gold.conllu -o system.conllu   re-annotate given sentences and tokens");
  cmd->add_option("INPUT", f->inputs, "Files or directories (.txt, .md, .jsonl[.gz]), or CoNLL-U with --pretokenized")
      ->required();
  cmd->add_option("--lang", f->language, "Language of the text: fr, en or auto (detected per document)")
      ->check(CLI::IsMember({"fr", "en", "auto"}))
      ->capture_default_str();
  cmd->add_flag("--pretokenized", f->pretokenized, "Inputs are CoNLL-U: keep their sentences, words and tokens");
  cmd->add_option("-o,--output", f->output, "Write to this file instead of standard output");
  cmd->add_option("--models", f->models_dir,
                  "Directory of the syntax models, LANG-parse.kgm where there is one, else LANG-syntax.kgm "
                  "(default: $KG_MODELS_DIR or kg's data/models)");
  cmd->add_option("--hunspell-dir", f->hunspell_dir, "Directory with the hunspell dictionaries");
  cmd->add_flag("-v,--verbose", f->verbose,
                "Print the models read and the annotation speed (words per second, one thread) on stderr");
}

int RunParse(const ParseFlags& f) {
  Annotators a;
  auto morphology = Morphology::Open(f.hunspell_dir.empty() ? DefaultHunspellDir() : f.hunspell_dir);
  a.morphology = morphology.ok() ? std::move(*morphology) : Morphology::Empty();
  std::string out;
  Status s = f.pretokenized ? ParsePretokenized(f, &a, &out) : ParseRaw(f, &a, &out);
  if (!s.ok()) return Fail(s.message());
  if (f.verbose) {
    std::fprintf(stderr, "kg parse: %zu words annotated in %.3f s (%.0f words/s, one thread)\n", a.words, a.seconds,
                 a.seconds > 0 ? a.words / a.seconds : 0.0);
  }
  if (!f.output.empty()) {
    Status w = WriteFileAtomically(f.output, out);
    if (!w.ok()) return Fail(w.message());
    return kExitOk;
  }
  // As main's Finish: a write error (a full disk, /dev/full) is an error,
  // a reader that went away (a closed pipe) is not. Checked here because
  // the output is large: the write fails now, not at the final flush.
  errno = 0;
  std::cout << out << std::flush;
  int err = errno;
  if (std::cout.good()) return kExitOk;
  std::cout.clear();
  if (err == EPIPE) return kExitOk;
  return Fail(std::string("cannot write to standard output: ") + (err ? std::strerror(err) : "write error"));
}

}  // namespace kg::cli
