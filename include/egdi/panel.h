/**
 * @file panel.h
 * @brief The Survey editions as one panel: each country's trajectory, the
 * comparison of editions sorted, and what changed in the methodology between
 * two editions.
 *
 * @warning Experimental (since 1.3): usable without any feature macro, but
 * these functions may change in a minor release.
 *
 * A **panel** is a long table (an ::egdi_dataset) with one unit per
 * (edition, country): the ranking table of every edition, stacked. Its unit
 * codes are "<code>:<edition>" (e.g. "DNK:2024") and its unit names the
 * country names; its columns are, in this order:
 *
 * | column | kind | content |
 * |---|---|---|
 * | edition | numeric | survey year |
 * | code | label | ISO 3166 alpha-3 from the country table (else the unit's own code) |
 * | egdi, osi, tii, hci, epi | numeric | the edition's values (missing if not assessed) |
 * | rank | numeric | EGDI rank on the edition's rank precision |
 * | group, rating_class | label | "Very High".."Low"; "VH".."LM" from 2020, else empty |
 * | osi_rank, tii_rank, hci_rank, epi_rank | numeric | component ranks |
 * | assessed | numeric | 1 if the country has an EGDI in that edition, else 0 |
 *
 * Rows are ordered by edition (ascending), then by rank (unranked last),
 * then by name.
 *
 * @code
 * int years[2] = {2022, 2024};
 * const egdi_dataset *data[2] = {d2022, d2024};   // egdi_survey_read_un_csv()
 * egdi_panel_options o = EGDI_PANEL_OPTIONS_INIT;
 * o.countries = country_table;                     // data/countries.csv
 * egdi_dataset *panel, *movers;
 * egdi_panel_compute(years, data, 2, &o, &panel);
 * egdi_panel_compare(panel, years, 2, EGDI_PANEL_SORT_RANK_CHANGE, &movers);
 * @endcode
 */
#ifndef EGDI_PANEL_H
#define EGDI_PANEL_H

#include "common.h"
#include "dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Layout version of ::egdi_panel_options. @since 1.3 */
#define EGDI_PANEL_OPTIONS_VERSION 1

/** @brief How a panel is computed (experimental). @since 1.3 */
typedef struct egdi_panel_options {
    unsigned version; /**< EGDI_PANEL_OPTIONS_VERSION */
    /** Country table (e.g. data/countries.csv read with
     *  egdi_dataset_read_csv()): unit code = ISO alpha-3, unit name = the name
     *  the Data Center writes. A country of the data whose name (or code) is a
     *  name (or code) of the table gets the table's code in the panel's
     *  "code" column; any other keeps its own unit code. NULL = no table. */
    const egdi_dataset *countries;
    /** Non-zero: accept component values outside [0, 1] in every edition.
     *  0 (default): accepted in the 2003 edition only, whose published data
     *  holds HCI values above 1 (Micronesia 1.422, Tuvalu 1.03), refused
     *  in the others (see egdi_survey_options::allow_out_of_range). */
    int allow_out_of_range;
    /** Non-zero: compute an edition on data whose survey_year column holds
     *  another year (egdi_survey_options::allow_edition_mismatch). */
    int allow_edition_mismatch;
} egdi_panel_options;

/** @brief Initialiser: `egdi_panel_options o = EGDI_PANEL_OPTIONS_INIT;` @since 1.3 */
#define EGDI_PANEL_OPTIONS_INIT {EGDI_PANEL_OPTIONS_VERSION, NULL, 0, 0}

/**
 * @brief Compute every edition on its data and stack the ranking tables into a
 * panel (experimental).
 *
 * Each dataset is computed with egdi_survey_compute_ex() on the published
 * components (::EGDI_INPUT_COMPONENTS: columns osi, tii, hci, and epi when
 * present), with the component ranks, the edition's default choices and the
 * overrides of @p opts.
 *
 * @param editions  survey years, distinct, each a built-in edition
 * @param data      one input dataset per edition (e.g. from
 *                  egdi_survey_read_un_csv()); not modified
 * @param n         number of editions (at least 1)
 * @param opts      options, NULL = defaults (no country table)
 * @param[out] out  the new panel; free with egdi_dataset_free()
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG for NULL arguments, n = 0 or an
 *         unknown options version; EGDI_ERR_DUPLICATE for an edition given
 *         twice; EGDI_ERR_NOT_FOUND for an unknown edition; any error of
 *         egdi_survey_compute_ex(), with the message prefixed by the edition.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_panel_compute(const int *editions,
                                                 const egdi_dataset *const *data, size_t n,
                                                 const egdi_panel_options *opts,
                                                 egdi_dataset **out);

/**
 * @brief Stack ranking tables that are already computed into a panel
 * (experimental).
 *
 * A table needs the numeric columns egdi and rank; osi, tii, hci, epi,
 * group, rating_class and the component ranks are taken where present
 * (missing otherwise). Editions need not be built-in ones (any distinct
 * positive numbers, e.g. 1 and 2 for two scenarios).
 *
 * @param editions  distinct positive edition numbers, one per table
 * @param tables    ranking tables (egdi_survey_compute() output or alike)
 * @param n         number of tables (at least 1)
 * @param countries country table as in egdi_panel_options::countries, or NULL
 * @param[out] out  the new panel
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG (NULL, n = 0, edition <= 0),
 *         EGDI_ERR_DUPLICATE (an edition twice, or two units of one table with
 *         the same country code), EGDI_ERR_NOT_FOUND / EGDI_ERR_INVALID_ARG for
 *         a table without a numeric egdi or rank column (naming the edition).
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_panel_from_tables(const int *editions,
                                                     const egdi_dataset *const *tables, size_t n,
                                                     const egdi_dataset *countries,
                                                     egdi_dataset **out);

/** @brief Row order of egdi_panel_compare() (experimental). @since 1.3 */
typedef enum egdi_panel_sort {
    /** By the rank in the last edition compared (best first), then by name;
     *  countries without that rank last, by name. */
    EGDI_PANEL_SORT_LATEST_RANK = 0,
    /** By the rank change from the first to the last edition compared
     *  (biggest gain first), then by name; countries without a rank in
     *  either of the two last, by name. */
    EGDI_PANEL_SORT_RANK_CHANGE = 1
} egdi_panel_sort;

/**
 * @brief One row per country across some editions of a panel, sorted
 * (experimental): the movers between two editions, or a trajectory table.
 *
 * Units: one per country present in any of the editions; unit code = the
 * panel's code column (ISO alpha-3), name = the country name of the latest of
 * the editions that has the country. Columns: for each edition Y in the
 * order given, egdi_Y and rank_Y; for each consecutive pair (A, B),
 * egdi_change_A_B (B minus A), rank_change_A_B (rank A minus rank B: > 0 =
 * moved up) and method_changes_A_B (a label: the names of
 * egdi_panel_changes() between A and B joined by ";", e.g.
 * "tii_cap;rating_classes"; empty if nothing changed or if A or B is not a
 * built-in edition). Missing values where a country has no value.
 *
 * @param panel     a panel (egdi_panel_compute(), egdi_panel_from_tables())
 * @param editions  the editions to compare, in order (e.g. {2022, 2024}); NULL
 *                  = every edition of the panel, ascending
 * @param n         number of entries of @p editions (ignored if NULL)
 * @param sort      row order
 * @param[out] out  the new table
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG (NULL panel/out, n = 0, an edition
 *         twice, unknown sort); EGDI_ERR_NOT_FOUND for an edition the panel
 *         lacks (naming it and the panel's editions) or a panel without the
 *         columns edition, code, egdi and rank.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_panel_compare(const egdi_dataset *panel, const int *editions,
                                                 size_t n, egdi_panel_sort sort,
                                                 egdi_dataset **out);

/** @brief Methodology changes between two editions: bits of egdi_panel_changes()
 *  (experimental). @since 1.3 */
typedef enum egdi_panel_change {
    EGDI_CHANGE_WEIGHTS = 1u << 0,        /**< EGDI weights (0.34/0.33/0.33 in 2008, 2010) */
    EGDI_CHANGE_TII_INDICATORS = 1u << 1, /**< the set of TII indicators */
    EGDI_CHANGE_TII_CAP = 1u << 2,        /**< the cap of TII indicators (120 from 2020) */
    EGDI_CHANGE_ZSCORES = 1u << 3,        /**< TII/HCI as min-max of z-score means (2012+) */
    EGDI_CHANGE_RATING_CLASSES = 1u << 4, /**< rating classes within groups (2020+) */
    EGDI_CHANGE_HCI_INDICATORS = 1u << 5, /**< the set of HCI indicators (2014+: 4) */
    EGDI_CHANGE_RANK_PRECISION = 1u << 6  /**< the precision ranks are taken on */
} egdi_panel_change;

/** @brief Number of ::egdi_panel_change bits (7). @since 1.3 */
#define EGDI_N_CHANGES 7

/**
 * @brief What changed in the Survey's methodology between editions @p a and
 * @p b (in either order), as a bitmask of ::egdi_panel_change (experimental).
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG for a NULL @p flags;
 *         EGDI_ERR_NOT_FOUND for an edition that is not built in.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_panel_changes(int a, int b, unsigned *flags);

/**
 * @brief Short name of one ::egdi_panel_change bit ("weights",
 * "tii_indicators", "tii_cap", "zscores", "rating_classes", "hci_indicators",
 * "rank_precision"); NULL for anything else (experimental). @since 1.3
 */
EGDI_EXPERIMENTAL const char *egdi_panel_change_name(unsigned flag);

/**
 * @brief What changed between editions @p a and @p b, in words: one sentence
 * per change, separated by "; ", e.g. "TII indicators capped at 120 per 100
 * inhabitants in 2020, not in 2018"; "" if nothing changed (experimental).
 *
 * Written like snprintf(): at most @p size bytes including the NUL (@p buf
 * may be NULL when @p size is 0); @p len (if not NULL) receives the length of
 * the whole text, so a caller can size the buffer and call again.
 * @return EGDI_OK; EGDI_ERR_NOT_FOUND for an unknown edition;
 *         EGDI_ERR_INVALID_ARG for a NULL @p buf with @p size > 0.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_panel_changes_text(int a, int b, char *buf, size_t size,
                                                      size_t *len);

#ifdef __cplusplus
}
#endif

#endif
