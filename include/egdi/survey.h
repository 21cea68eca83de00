/**
 * @file survey.h
 * @brief The UN E-Government Survey editions 2003-2024 as presets, and the
 * UN Data Center export format.
 */
#ifndef EGDI_SURVEY_H
#define EGDI_SURVEY_H

#include "common.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What a preset index reads. */
typedef enum egdi_survey_input {
    /** Columns osi, tii, hci (and epi): the published component indices.
     *  EGDI = weighted mean of the three. */
    EGDI_INPUT_COMPONENTS = 0,
    /** Raw indicators: osi_raw and epi_raw (questionnaire scores) and the
     *  TII/HCI indicators of the edition (see egdi_survey_indicator()).
     *
     *  Missing values of a unit: each indicator's statistics (z-score mean
     *  and standard deviation, min-max range) are taken over the units that
     *  have it; a unit missing any indicator of the TII or HCI gets no value
     *  for that component (the Survey needs every indicator: MinShare 1), and
     *  so no EGDI and no rank, unless the value is filled by imputation
     *  (egdi_survey_options::impute). An indicator column the data lacks
     *  altogether is an error, or is left out with
     *  egdi_survey_options::drop_absent_indicators. */
    EGDI_INPUT_RAW = 1
} egdi_survey_input;

/** @brief Layout version of ::egdi_edition_info. */
#define EGDI_EDITION_INFO_VERSION 1

/** @brief Parameters of one Survey edition. */
typedef struct egdi_edition_info {
    unsigned version;       /**< set by the caller to EGDI_EDITION_INFO_VERSION */
    int edition;            /**< survey year */
    double weight_osi;      /**< EGDI weight of the OSI (1/3; 0.34 in 2008 and 2010) */
    double weight_tii;      /**< EGDI weight of the TII */
    double weight_hci;      /**< EGDI weight of the HCI */
    int decimals;           /**< EGDI precision of the published data */
    /** Precision the Survey ranked on: the published precision, except 2020,
     *  which ranked unrounded values; 10 decimals stands for "unrounded" there,
     *  so that floating-point noise in a sum (1e-16) cannot split a true tie. */
    int rank_decimals;
    int has_rating_classes; /**< 1 from 2020 */
    int quantile_type;      /**< Hyndman-Fan type of the class quartiles (7) */
    double tii_cap;         /**< cap on TII indicators per 100 (120 from 2020; NaN = none) */
    int zscore_composites;  /**< 1 from 2012: TII/HCI = min-max of the mean of z-scores */
    size_t n_tii;           /**< number of TII indicators */
    size_t n_hci;           /**< number of HCI indicators */
} egdi_edition_info;

/** @brief Number of built-in editions (12). */
EGDI_API size_t egdi_survey_n_editions(void);
/** @brief Year of edition i (0-based, ascending), or 0 if out of range. */
EGDI_API int egdi_survey_edition(size_t i);
/**
 * @brief Parameters of an edition; EGDI_ERR_NOT_FOUND for an unknown year.
 * The caller sets @p out->version; only that version's fields are written.
 */
EGDI_API egdi_status egdi_survey_edition_info(int edition, egdi_edition_info *out);
/**
 * @brief Code of the i-th raw indicator of the TII (@p component "tii") or
 * HCI ("hci") of an edition, e.g. "internet_users"; NULL past the end.
 */
EGDI_API const char *egdi_survey_indicator(int edition, const char *component, size_t i);

/**
 * @brief The preset index of an edition. Nodes: egdi (root) with children
 * osi, tii, hci. With EGDI_INPUT_RAW the tii and hci aggregates have the
 * edition's indicators as children. Every aggregate has MinShare 1 (a unit
 * missing a component is not ranked). The E-Participation Index is not part
 * of the tree: egdi_survey_compute() adds it to the ranking table.
 */
EGDI_API egdi_status egdi_survey_index(int edition, egdi_survey_input input, egdi_index **out);

/**
 * @brief The preset index of an edition restricted to the raw indicators
 * @p data has: what egdi_survey_compute_ex() evaluates with
 * egdi_survey_options::drop_absent_indicators. Each TII or HCI indicator
 * without a column in @p data is left out of its component, and the weights
 * of the component's remaining indicators are renormalised to sum to 1 (the
 * 2022 HCI without gross_enrolment: adult_literacy 3/7, expected_years and
 * mean_years 2/7 each). With ::EGDI_INPUT_COMPONENTS nothing is left out: the
 * index is that of egdi_survey_index(). A column that is present counts, even
 * if it holds no value (the computation refuses such a column by name).
 *
 * @param edition survey year
 * @param input what the index reads
 * @param data the data the index will be computed on (only its column names
 *        are looked at)
 * @param[out] out the new index; free it with egdi_index_free()
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG for NULL @p data or @p out;
 *         EGDI_ERR_NOT_FOUND for an unknown edition, or when a component
 *         has none of its indicators in @p data (the message names the
 *         component and its indicators; the OSI's only indicator is
 *         osi_raw); EGDI_ERR_NOMEM.
 * @since 1.3
 */
EGDI_API egdi_status egdi_survey_index_for_data(int edition, egdi_survey_input input,
                                                const egdi_dataset *data, egdi_index **out);
/**
 * @brief The i-th (0-based) TII or HCI raw indicator of an edition whose
 * column @p data lacks: the indicators that
 * egdi_survey_options::drop_absent_indicators leaves out, in the order of
 * egdi_survey_indicator() (TII first, then HCI).
 * @param component if not NULL, set to "tii" or "hci", the component the
 *        indicator belongs to (static strings)
 * @return the indicator's code (a static string), or NULL past the end, for
 *         ::EGDI_INPUT_COMPONENTS, an unknown edition or NULL @p data.
 * @since 1.3
 */
EGDI_API const char *egdi_survey_absent_indicator(int edition, egdi_survey_input input,
                                                  const egdi_dataset *data, size_t i,
                                                  const char **component);

/**
 * @brief Read a UN E-Government Data Center export as it is downloaded
 * (header "Survey Year,Country Name,E-Government Rank,..."). Names are
 * trimmed and used as unit codes and names. Numeric columns: survey_year,
 * rank_published, egdi_published, epi, osi, hci, tii.
 *
 * Rows whose published EGDI is exactly 0 are placeholders for countries
 * that were not assessed (2003-2012 files). Unless @p keep_placeholders is
 * non-zero their index columns are set to missing, so they are not ranked;
 * rank_published is kept as published.
 *
 * The file passes the same checks as egdi_dataset_read_csv() (NUL bytes,
 * UTF-8, quoting, field counts, repeated countries); every cell of a numeric
 * column must be a finite number or a missing-value marker, and every row
 * must carry the same Survey Year. Errors name the file, line and column.
 */
EGDI_API egdi_status egdi_survey_read_un_csv(const char *path, int keep_placeholders,
                                             egdi_dataset **out);
/**
 * @brief As egdi_survey_read_un_csv() from an open stream read to its end;
 * @p source names it in messages (NULL = "<stream>"). @since 1.2
 */
EGDI_API egdi_status egdi_survey_read_un_csv_stream(FILE *fp, const char *source,
                                                    int keep_placeholders, egdi_dataset **out);
/** @brief As egdi_survey_read_un_csv() from memory. */
EGDI_API egdi_status egdi_survey_read_un_csv_buffer(const char *text, size_t len,
                                                    int keep_placeholders, egdi_dataset **out);

/** @brief Layout version of ::egdi_survey_options (2 since 1.1: imputation;
 *  3 since 1.2: the plausibility overrides and ranks within groups; 4 since
 *  1.3: drop_absent_indicators). */
#define EGDI_SURVEY_OPTIONS_VERSION 4

/**
 * @brief Choices that the Survey's own documents leave open or that a user may
 * want to vary. Initialise with egdi_survey_options_init(): the defaults
 * reproduce the published Survey.
 */
typedef struct egdi_survey_options {
    unsigned version;        /**< EGDI_SURVEY_OPTIONS_VERSION */
    /** Hyndman-Fan quantile type (1..9) of the rating-class quartiles; 0 = the
     *  edition's (7, the type that reproduces the 2022 Very High class). */
    int quantile_type;
    /** Decimals the EGDI is rounded to before ranking, grouping and classing:
     *  -2 = the edition's, -1 = unrounded, 0..15 = that many. */
    int rank_decimals;
    /** Group thresholds {middle, high, very high}, lower bounds inclusive;
     *  all zero = {0.25, 0.50, 0.75}. */
    double thresholds[3];
    /* ---- version 2 (1.1) ---- */
    /** How missing values of the EGDI's indicators (osi, tii, hci, or the raw
     *  indicators) are filled before computing; default EGDI_IMPUTE_NONE. With
     *  imputation the ranking table gets an "imputed" column listing, per
     *  unit, the indicators whose value was filled (";"-separated). A unit
     *  with no observed value for any of the indicators is not assessed: it
     *  is left out of the computation, unranked, as without imputation. */
    egdi_impute impute;
    /** Label column of the data that defines the groups of
     *  EGDI_IMPUTE_GROUP_MEAN and EGDI_IMPUTE_GROUP_MEDIAN (e.g. "region");
     *  NULL otherwise. */
    const char *impute_group;
    /* ---- version 3 (1.2) ---- */
    /** Non-zero: accept component indices (osi, tii, hci, epi) outside
     *  [0, 1] with ::EGDI_INPUT_COMPONENTS, e.g. data on a 0-100 scale that the
     *  user knowingly ranks as it is. Default 0: such a value is refused. */
    int allow_out_of_range;
    /** Non-zero: compute an edition on data whose survey_year column holds
     *  another year (e.g. to see 2024 data under the 2022 method). Default 0:
     *  refused. */
    int allow_edition_mismatch;
    /** Label columns of the data (e.g. "region", "income", or a membership
     *  such as "gcc" with a label for members only) whose groups get a rank of
     *  their own: the table gains "<label>_rank", the unit's competition rank
     *  by EGDI (as ranked overall) among the units with the same label; empty
     *  for units without a label. NULL = none. */
    const char *const *rank_within;
    size_t n_rank_within; /**< entries in rank_within */
    /** Non-zero: add the component ranks osi_rank, tii_rank, hci_rank (and
     *  epi_rank with epi) to the table. Default 0. */
    int component_ranks;
    /* ---- version 4 (1.3) ---- */
    /** Non-zero, with ::EGDI_INPUT_RAW: a TII or HCI indicator of the edition
     *  whose column the data does not have at all is left out of its
     *  component and the weights of the component's other indicators are
     *  renormalised (see egdi_survey_index_for_data()), e.g. for data without
     *  active_mobile_broadband or gross_enrolment. The table does not say
     *  which were left out; egdi_survey_absent_indicator() lists them. A
     *  component with none of its indicators (or data without osi_raw) is
     *  still EGDI_ERR_NOT_FOUND, naming the component; a column that is
     *  present but empty is still EGDI_ERR_DATA. Default 0: an absent column
     *  is EGDI_ERR_NOT_FOUND naming it. No effect with
     *  ::EGDI_INPUT_COMPONENTS. */
    int drop_absent_indicators;
} egdi_survey_options;

/** @brief Initialiser of the current version:
 *  `egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;` */
#define EGDI_SURVEY_OPTIONS_INIT \
    {EGDI_SURVEY_OPTIONS_VERSION, 0, -2, {0, 0, 0}, EGDI_IMPUTE_NONE, NULL, 0, 0, NULL, 0, 0, 0}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_SURVEY_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version; only that version's bytes
 * are written. @since 1.1
 */
EGDI_API egdi_status egdi_survey_options_init_version(egdi_survey_options *opts,
                                                      unsigned version);
/**
 * @brief Fill @p opts with the defaults. Programs compiled against 1.1 or
 * later get the current version through the macro below; the function itself
 * (what binaries built against 1.0 call) fills the version-1 layout only, so
 * it never writes past an older, smaller struct.
 */
EGDI_API void(egdi_survey_options_init)(egdi_survey_options *opts);
#if !defined(SWIG)
#define egdi_survey_options_init(opts) \
    ((void)egdi_survey_options_init_version((opts), EGDI_SURVEY_OPTIONS_VERSION))
#endif

/**
 * @brief Compute an edition on a dataset and return the ranking table: a
 * new dataset with the same units and the columns osi, tii, hci, egdi,
 * (epi if the input has it), rank (on the edition's rank precision), group
 * ("Very High".."Low") and rating_class ("" before 2020), in this order;
 * then "imputed" (with imputation, below), the component ranks osi_rank,
 * tii_rank, hci_rank (and epi_rank with epi) when
 * egdi_survey_options::component_ranks is set: competition ranks (1, 2, 2, 4)
 * of each component on the edition's rank precision, as the Survey publishes
 * them (missing for units without the value), and the ranks within groups
 * (egdi_survey_options::rank_within).
 * The label columns of @p data (region, income, ...) are carried over.
 *
 * Data that cannot give a meaningful ranking is refused with EGDI_ERR_DATA
 * and a message naming the unit and column: no units; an indicator column
 * (osi, tii, hci, or a raw indicator) with no value for any unit; with the
 * components input, an osi, tii, hci or epi value outside [0, 1] (see
 * egdi_survey_options::allow_out_of_range); a survey_year column holding
 * another year than @p edition (see
 * egdi_survey_options::allow_edition_mismatch). A column that is missing or
 * not numeric is EGDI_ERR_NOT_FOUND or EGDI_ERR_PARSE naming it.
 */
EGDI_API egdi_status egdi_survey_compute(int edition, egdi_survey_input input,
                                         const egdi_dataset *data, egdi_dataset **out);
/** @brief egdi_survey_compute() with options (NULL = defaults). */
EGDI_API egdi_status egdi_survey_compute_ex(int edition, egdi_survey_input input,
                                            const egdi_dataset *data,
                                            const egdi_survey_options *opts, egdi_dataset **out);

#ifdef __cplusplus
}
#endif

#endif
