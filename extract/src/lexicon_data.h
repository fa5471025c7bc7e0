// Internal: the data/ files embedded at build time (see cmake/embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace kg::data {

extern const std::string_view abbreviations_txt;
extern const std::string_view common_acronyms_txt;
extern const std::string_view not_names_txt;
extern const std::string_view demonyms_txt;
extern const std::string_view titles_txt;
extern const std::string_view royal_titles_txt;
extern const std::string_view media_editions_txt;
extern const std::string_view world_regions_txt;
extern const std::string_view outlets_txt;
extern const std::string_view gaz_media_txt;
extern const std::string_view gaz_demonym_countries_tsv;
extern const std::string_view platforms_tsv;
extern const std::string_view org_heads_txt;
extern const std::string_view loc_heads_txt;
extern const std::string_view loc_suffixes_txt;
extern const std::string_view lower_heads_txt;
extern const std::string_view event_heads_txt;
extern const std::string_view of_heads_txt;
extern const std::string_view other_suffixes_txt;
extern const std::string_view org_suffixes_txt;
extern const std::string_view gaz_first_names_txt;
extern const std::string_view company_forms_txt;
extern const std::string_view group_names_txt;
extern const std::string_view cues_tsv;
extern const std::string_view first_names_txt;
extern const std::string_view locations_tsv;
extern const std::string_view organizations_tsv;
extern const std::string_view products_tsv;
extern const std::string_view persons_tsv;
extern const std::string_view other_tsv;
extern const std::string_view relations_tsv;
extern const std::string_view en_verbs_tsv;
extern const std::string_view en_irregular_verbs_tsv;
extern const std::string_view paths_fr_tsv;
extern const std::string_view paths_en_tsv;
extern const std::string_view coref_fr_tsv;
extern const std::string_view coref_en_tsv;
extern const std::string_view word_classes_tsv;
extern const std::string_view annotators_fr_txt;
extern const std::string_view annotators_en_txt;
// Compiled from open data by scripts/build-gazetteers.py.
extern const std::string_view gaz_locations_tsv;
extern const std::string_view gaz_organizations_tsv;
extern const std::string_view gaz_demonyms_txt;

// Non-empty lines with '#' comments and surrounding white space removed.
std::vector<std::string_view> Lines(std::string_view file);

}  // namespace kg::data
