/**
 * @file whatif.h
 * @brief What-if goal seeking: the smallest value of one component or raw
 * indicator of one unit that reaches a target rank, group or rating class.
 *
 * @warning Experimental (since 1.3): usable without any feature macro, but
 * these functions and structs may change in a minor release.
 *
 * Everything else stays as it is in the data. The edition is evaluated on
 * the plan/eval engine (plan.h) exactly as egdi_survey_compute_ex() computes
 * it: the edition's weights, TII cap, rank precision, group thresholds and
 * rating classes, and the survey options (imputation included). With raw
 * input the statistics that normalise an indicator (z-scores, min-max) are
 * refitted with the unit's own new value, so every other unit's score moves
 * too.
 *
 * The answer is found by bisection on the predicate "the target is reached
 * with value v" between the current value and the upper bound, to an
 * absolute tolerance (default 1e-10): the returned value reaches the target
 * and the value one tolerance below it does not. The rank is monotone in a
 * component, so the value is then the smallest one; with raw input it can in
 * odd cases be non-monotone (the unit's value moves the other units' scores):
 * the value is still checked by a fresh evaluation, and the rank reached with
 * it is reported. One evaluation context is reused: the search allocates
 * nothing (unless the index has a "bod" aggregate: GLPK allocates its linear
 * programs; plan.h).
 *
 * @code
 * egdi_whatif_options o;
 * egdi_whatif_options_init(&o);
 * egdi_whatif_answer a = {.version = EGDI_WHATIF_ANSWER_VERSION};
 * egdi_whatif_solve(2024, data, "Bahrain", "hci", EGDI_WHATIF_RANK, 10, &o, &a);
 * if (a.reachable)
 *     printf("HCI %.5f gives rank %d\n", a.value, a.rank);
 * else
 *     printf("out of reach: best rank %d with HCI %.5f\n", a.best_rank, a.best_value);
 * @endcode
 */
#ifndef EGDI_WHATIF_H
#define EGDI_WHATIF_H

#include "common.h"
#include "dataset.h"
#include "survey.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What a what-if answer must reach (experimental). @since 1.3 */
typedef enum egdi_whatif_target {
    /** A rank of at most N (competition rank, on the rank precision). */
    EGDI_WHATIF_RANK = 1,
    /** An EGDI group of at least G (::egdi_group: 1 Low .. 4 Very High). */
    EGDI_WHATIF_GROUP = 2,
    /** A rating class of at least C (a class code 1..16 of
     *  egdi_rating_classes(), e.g. 16 = "VH"); editions from 2020 only. */
    EGDI_WHATIF_CLASS = 3
} egdi_whatif_target;

/** @brief Layout version of ::egdi_whatif_options. @since 1.3 */
#define EGDI_WHATIF_OPTIONS_VERSION 1

/**
 * @brief How to search (experimental). Initialise with
 * egdi_whatif_options_init(). @since 1.3
 */
typedef struct egdi_whatif_options {
    unsigned version;        /**< EGDI_WHATIF_OPTIONS_VERSION */
    /** What the index reads: the published components (default) or the raw
     *  indicators. */
    egdi_survey_input input;
    /** Survey options (rank precision, thresholds, quantile type, imputation,
     *  plausibility overrides); NULL = the defaults. Ranks within groups and
     *  component ranks are ignored. */
    const egdi_survey_options *survey;
    /** Lowest value proposed, and the value a unit missing the varied value
     *  starts from; NaN (default) = the natural lower bound, 0. A lower bound
     *  below 0 is refused (EGDI_ERR_INVALID_ARG): no raw indicator, and no
     *  "uniform" increase, is negative; for a component, unless
     *  allow_out_of_range. A target the current value already reaches needs
     *  no change whatever the bounds: the answer is then the current value,
     *  also below @c lower (see egdi_whatif_answer::already_met). */
    double lower;
    /** Highest value proposed; NaN (default) = the natural upper bound: 1 for
     *  a component; 100 for percentages (internet_users, online_population,
     *  adult_literacy, gross_enrolment); the edition's TII cap for
     *  subscriptions per 100 inhabitants when it has one (120 from 2020; a
     *  larger value is capped anyway); 18 for expected_years; 15 for
     *  mean_years. Other raw indicators (osi, and per-100 indicators before
     *  2020) have no natural bound: the caller gives one. With "uniform" the
     *  bounds are those of the increase (natural: 0 and what brings the
     *  lowest component to 1). */
    double upper;
    /** Absolute tolerance of the value, > 0; 0 (default) = 1e-10. */
    double tolerance;
} egdi_whatif_options;

/**
 * @brief Fill the fields of @p version (1 .. EGDI_WHATIF_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version. @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_whatif_options_init_version(egdi_whatif_options *opts,
                                                               unsigned version);
#if !defined(SWIG)
/** @brief egdi_whatif_options_init_version() with the current version. */
#define egdi_whatif_options_init(opts) \
    egdi_whatif_options_init_version((opts), EGDI_WHATIF_OPTIONS_VERSION)
#endif

/** @brief Layout version of ::egdi_whatif_answer. @since 1.3 */
#define EGDI_WHATIF_ANSWER_VERSION 1

/**
 * @brief The answer of egdi_whatif_solve() (experimental). The caller sets
 * @c version; ranks are 0 for a unit that is not ranked, groups and classes
 * 0 for none (and classes 0 before 2020). @since 1.3
 */
typedef struct egdi_whatif_answer {
    unsigned version;     /**< set by the caller to EGDI_WHATIF_ANSWER_VERSION */
    /** 1 if a value within the bounds reaches the target. */
    int reachable;
    /** 1 if the current value already reaches it: no change is needed, and
     *  @c value is the current value, even when that is below @c lower
     *  (the bounds limit the values proposed, and none is). Otherwise a
     *  reachable @c value lies in [@c lower, @c upper]. */
    int already_met;
    /** The smallest value that reaches the target (to the tolerance); NaN if
     *  it is out of reach. For "uniform", the increase of every component. */
    double value;
    int rank;             /**< rank with @c value (a fresh evaluation); 0 if out of reach */
    double egdi;          /**< EGDI with @c value (unrounded); NaN if out of reach */
    int group;            /**< group with @c value (::egdi_group) */
    int rating_class;     /**< rating class code with @c value */
    /** The value the computation uses now: the data's (or, with imputation,
     *  the imputed one; NaN if missing); 0 for "uniform". */
    double current_value;
    int current_rank;     /**< rank now */
    double current_egdi;  /**< EGDI now (unrounded) */
    int current_group;    /**< group now */
    int current_class;    /**< rating class code now */
    double lower;         /**< lower bound used */
    double upper;         /**< upper bound used */
    /** The best rank within the bounds: the rank with @c upper (or with the
     *  current value if that is above @c upper). */
    int best_rank;
    /** The smallest value that reaches @c best_rank. */
    double best_value;
    int best_group;       /**< group with @c upper */
    int best_class;       /**< rating class code with @c upper */
    size_t evaluations;   /**< number of evaluations of the index */
} egdi_whatif_answer;

/**
 * @brief The natural range of @p vary in an edition (see
 * egdi_whatif_options::upper): [0, 1] for a component and for "uniform" (the
 * increase; the search itself stops where the lowest component reaches 1);
 * for a raw indicator [0, its documented bound], with *@p upper NaN when it
 * has none (osi, and subscriptions per 100 before 2020).
 * @return EGDI_ERR_NOT_FOUND for an unknown edition, or a @p vary that is not
 * a component (components input) or a raw indicator of the edition (raw
 * input); the message lists the valid names.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_whatif_natural_bounds(int edition, egdi_survey_input input,
                                                         const char *vary, double *lower,
                                                         double *upper);

/**
 * @brief The smallest value of @p vary for unit @p unit that reaches a target.
 *
 * @param edition Survey year (egdi_survey_edition()).
 * @param data the edition's data, as for egdi_survey_compute_ex().
 * @param unit the unit's code (or, failing that, its name).
 * @param vary with the components input: "osi", "tii", "hci", or "uniform"
 *        (the same increase of all three, each kept at most 1); with raw
 *        input: an indicator of the edition's tree ("osi" or "osi_raw" for the
 *        online-service score, "internet_users", "mean_years", ...).
 * @param target what to reach (::egdi_whatif_target).
 * @param target_value the rank N (1 .. number of units), the group (1..4) or
 *        the rating class code (1..16).
 * @param opts options, NULL = defaults.
 * @param out the answer; its @c version is set by the caller.
 * @return EGDI_OK when an answer was found, also "out of reach" (see
 *         @c reachable). Errors: EGDI_ERR_INVALID_ARG for a bad target, bounds,
 *         tolerance, or an aggregate / "uniform" with raw input; EGDI_ERR_NOT_FOUND
 *         for an unknown edition, unit or @p vary (the message lists the valid
 *         names); EGDI_ERR_DATA when the unit has no EGDI whatever the value
 *         (another component or indicator is missing); the errors of
 *         egdi_survey_compute_ex() for the data.
 * @since 1.3
 */
EGDI_EXPERIMENTAL egdi_status egdi_whatif_solve(int edition, const egdi_dataset *data,
                                                const char *unit, const char *vary,
                                                egdi_whatif_target target, int target_value,
                                                const egdi_whatif_options *opts,
                                                egdi_whatif_answer *out);

#ifdef __cplusplus
}
#endif

#endif
