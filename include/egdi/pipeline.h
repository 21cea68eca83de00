/**
 * @file pipeline.h
 * @brief COINr's build in one call: denomination, imputation, screening of
 * units by data availability, outlier treatment, normalisation and
 * aggregation, with the reports of each step.
 *
 * Denomination (egdi_index_set_denominator(), iMeta `Denominator`) and
 * outlier treatment (egdi_index_set_treatment(), iMeta `Treatment`) are
 * part of the index and run in every computation, egdi_compute() too; the
 * report of the treatment is egdi_result_get_treatment(). Screening removes
 * units, so it is a step of the pipeline: egdi_pipeline_run() counts, per
 * unit, the missing and zero values of the index's indicators (after
 * denomination, before or after imputation), keeps the units that pass the
 * rule (COINr's Screen(): `byNA`, `byzeros`, `byNAandzeros`, with forced
 * inclusions and exclusions), and computes the index on them.
 *
 * @code
 * egdi_pipeline_options o;
 * egdi_pipeline_options_init(&o);
 * o.screen = EGDI_SCREEN_BY_NA;
 * o.dat_thresh = 0.9;
 * egdi_pipeline *pl;
 * egdi_pipeline_run(idx, data, &o, &pl);
 * const egdi_result *res = egdi_pipeline_result(pl);   // the units kept
 * egdi_dataset *summary;
 * egdi_pipeline_screen_table(pl, &summary);            // N_missing, Dat_Avail, Included, ...
 * @endcode
 *
 * @since 1.4
 */
#ifndef EGDI_PIPELINE_H
#define EGDI_PIPELINE_H

#include "common.h"
#include "compute.h"
#include "dataset.h"
#include "index.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- outlier treatment report (any result) ---- */

/** @brief Layout version of ::egdi_treatment_info. @since 1.4 */
#define EGDI_TREATMENT_INFO_VERSION 1

/** @brief Point labels of a treated indicator, per unit (bits). @since 1.4 */
enum {
    EGDI_POINT_WINHI = 1, /**< value pulled down to the next-highest value ("winhi") */
    EGDI_POINT_WINLO = 2, /**< value pulled up to the next-lowest value ("winlo") */
    EGDI_POINT_LOG = 4    /**< log-transformed ("log_CT") */
};

/**
 * @brief What the outlier treatment of one indicator did in a computation
 * (COINr's `Dets_Table` row). Checks: 0 on the input, 1 after winsorising,
 * 2 after the log transform; a check that did not run has `checked` 0 and
 * NaN statistics. Set `version` before the call. @since 1.4
 */
typedef struct egdi_treatment_info {
    unsigned version;  /**< EGDI_TREATMENT_INFO_VERSION */
    int method;        /**< ::egdi_treat (EGDI_TREAT_NONE: nothing below is set) */
    int checked[3];    /**< 1 if check s ran */
    int pass[3];       /**< 1 passes, 0 fails, -1 undefined (no spread) */
    double skew[3];    /**< skewness (e1071 type 2) at check s */
    double kurt[3];    /**< excess kurtosis (type 2) at check s */
    int winsorised;    /**< winsorisation ran */
    size_t n_winsorised; /**< COINr's `winsorise.nwin`: points at the winsorised extreme(s) */
    int logged;        /**< the log transform of the original values was applied */
    size_t n_points;   /**< units with a point label */
} egdi_treatment_info;

/**
 * @brief The treatment report of indicator @p node of @p res and, if
 * @p points is not NULL, its point labels per unit (EGDI_POINT_* bits;
 * @p n == number of units). A node without treatment reports method
 * EGDI_TREAT_NONE and labels 0. An aggregate is EGDI_ERR_INVALID_ARG.
 * @since 1.4
 */
EGDI_API egdi_status egdi_result_get_treatment(const egdi_result *res, const char *node,
                                               egdi_treatment_info *info, int *points,
                                               size_t n);
/** @brief As egdi_result_get_treatment() for node position @p node of a context
 *  (experimental, as plan.h). @since 1.4 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_get_treatment(const egdi_eval *ev, size_t node,
                                                      egdi_treatment_info *info, int *points,
                                                      size_t n);
/**
 * @brief The treatment report of every treated indicator as a table, one row
 * per indicator (code = the indicator's code), with COINr's columns:
 * `treatment` (label), `check0.Pass`, `check0.Skew`, `check0.Kurt`,
 * `winsorise.nwin`, `check1.*`, `check2.*` (Pass 1/0, NaN when not run),
 * `log` (1/0) and `points`. Empty if no indicator is treated. @since 1.4
 */
EGDI_API egdi_status egdi_result_treatment_table(const egdi_result *res, egdi_dataset **out);
/**
 * @brief The point labels as a table: one row per unit of the result, one
 * label column per treated indicator holding COINr's labels: "winhi",
 * "winlo", "+log_CT", "winhi+log_CT", "winlo+log_CT" or "" (COINr's
 * `Treated_Points`). @since 1.4
 */
EGDI_API egdi_status egdi_result_treated_points(const egdi_result *res, egdi_dataset **out);

/* ---- the pipeline with screening ---- */

/** @brief Screening rule (COINr's `unit_screen`). Values are stable ABI. @since 1.4 */
typedef enum egdi_screen_rule {
    EGDI_SCREEN_NONE = 0,             /**< keep every unit (the summary is still made) */
    EGDI_SCREEN_BY_NA = 1,            /**< drop units with Dat_Avail < dat_thresh */
    EGDI_SCREEN_BY_ZEROS = 2,         /**< drop units with Non_Zero < nonzero_thresh */
    EGDI_SCREEN_BY_NA_AND_ZEROS = 3   /**< drop units failing either */
} egdi_screen_rule;

/** @brief Which values are screened. Values are stable ABI. @since 1.4 */
typedef enum egdi_screen_stage {
    EGDI_SCREEN_IMPUTED = 0, /**< after imputation (COINr's example build) */
    EGDI_SCREEN_INPUT = 1    /**< the inputs after denomination, before imputation */
} egdi_screen_stage;

/** @brief Layout version of ::egdi_pipeline_options. @since 1.4 */
#define EGDI_PIPELINE_OPTIONS_VERSION 1

/** @brief Options of egdi_pipeline_run(); egdi_pipeline_options_init(). @since 1.4 */
typedef struct egdi_pipeline_options {
    unsigned version;            /**< EGDI_PIPELINE_OPTIONS_VERSION */
    egdi_screen_rule screen;     /**< default EGDI_SCREEN_NONE */
    double dat_thresh;           /**< 0..1, default 2/3 (COINr) */
    double nonzero_thresh;       /**< 0..1, default 0.05 (COINr) */
    egdi_screen_stage stage;     /**< default EGDI_SCREEN_IMPUTED */
    const char *const *include;  /**< unit codes kept whatever the rule says */
    size_t n_include;
    const char *const *exclude;  /**< unit codes dropped whatever the rule says */
    size_t n_exclude;
} egdi_pipeline_options;

/** @brief Initialiser: `egdi_pipeline_options o = EGDI_PIPELINE_OPTIONS_INIT;` @since 1.4 */
#define EGDI_PIPELINE_OPTIONS_INIT \
    {EGDI_PIPELINE_OPTIONS_VERSION, EGDI_SCREEN_NONE, 2.0 / 3.0, 0.05, EGDI_SCREEN_IMPUTED, \
     NULL, 0, NULL, 0}

/** @brief Fill version @p version of @p opts with the defaults. @since 1.4 */
EGDI_API egdi_status egdi_pipeline_options_init_version(egdi_pipeline_options *opts,
                                                        unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_pipeline_options_init(opts) \
    ((void)egdi_pipeline_options_init_version((opts), EGDI_PIPELINE_OPTIONS_VERSION))
#endif

/** @brief Opaque outcome of a pipeline run. @since 1.4 */
typedef struct egdi_pipeline egdi_pipeline;

/** @brief One unit's screening (COINr's `DataSummary` row). @since 1.4 */
typedef struct egdi_screen_info {
    const char *code;       /**< the unit (valid while the pipeline lives) */
    size_t n_missing;       /**< indicators without a value */
    size_t n_zero;          /**< indicators equal to 0 */
    double dat_avail;       /**< 1 - n_missing / n_indicators */
    double non_zero;        /**< 1 - n_zero / (n_indicators - n_missing); 0 if no value */
    int low_data;           /**< dat_avail < dat_thresh */
    int low_nonzero;        /**< non_zero < nonzero_thresh */
    int included;           /**< kept (after forced inclusions and exclusions) */
    int forced;             /**< +1 forced in, -1 forced out, 0 by the rule */
} egdi_screen_info;

/**
 * @brief Compute @p idx on @p data with screening: every unit is computed
 * (denomination, imputation), its indicators counted on the chosen stage,
 * the rule applied, and the index computed on the units kept. When the
 * screen runs after imputation, the units kept keep the values imputed from
 * all units (as COINr's Screen() of the Imputed data set); before
 * imputation, the imputation uses only the units kept. A code in
 * include/exclude that is not a unit is EGDI_ERR_NOT_FOUND, a code in both
 * EGDI_ERR_INVALID_ARG; no unit left is EGDI_ERR_DATA. Screening after
 * imputation with units dropped needs each denominated or imputed indicator
 * to read its own column (else EGDI_ERR_UNSUPPORTED naming them).
 * Other errors as egdi_compute().
 * @since 1.4
 */
EGDI_API egdi_status egdi_pipeline_run(const egdi_index *idx, const egdi_dataset *data,
                                       const egdi_pipeline_options *opts, egdi_pipeline **out);
/** @brief Free; NULL is a no-op. @since 1.4 */
EGDI_API void egdi_pipeline_free(egdi_pipeline *pl);
/** @brief The result on the units kept (owned by the pipeline). @since 1.4 */
EGDI_API const egdi_result *egdi_pipeline_result(const egdi_pipeline *pl);
/**
 * @brief The data of the units kept, in the input's order: every column of
 * the input (the indicators' columns hold the imputed values when the screen
 * ran after imputation and dropped units). Owned by the pipeline. @since 1.4
 */
EGDI_API const egdi_dataset *egdi_pipeline_data(const egdi_pipeline *pl);
/** @brief Number of units screened (the input's). @since 1.4 */
EGDI_API size_t egdi_pipeline_n_screened(const egdi_pipeline *pl);
/** @brief The screening of input unit @p i. @since 1.4 */
EGDI_API egdi_status egdi_pipeline_screen_unit(const egdi_pipeline *pl, size_t i,
                                               egdi_screen_info *out);
/**
 * @brief The screening as a table, one row per input unit, with COINr's
 * columns N_missing, N_zero, N_miss_or_zero, Dat_Avail, Non_Zero, LowData,
 * LowNonZero, LowDatOrZeroFlag, Included (logicals as 1/0) and Forced.
 * @since 1.4
 */
EGDI_API egdi_status egdi_pipeline_screen_table(const egdi_pipeline *pl, egdi_dataset **out);
/**
 * @brief The result table of the units kept (egdi_result_to_dataset() on
 * egdi_pipeline_data()), with the imputation flags also when the screen ran
 * after imputation. @since 1.4
 */
EGDI_API egdi_status egdi_pipeline_to_dataset(const egdi_pipeline *pl,
                                              const egdi_result_table_options *opts,
                                              egdi_dataset **out);

#ifdef __cplusplus
}
#endif

#endif
