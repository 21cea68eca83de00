/* What-if goal seeking (egdi_whatif_solve). Every answer is verified by a
 * full recomputation of the edition (egdi_survey_compute_ex) on a copy of the
 * data holding the returned value: the value reaches the target and a value
 * slightly below it (1e-6, and ten tolerances of 1e-10) does not; an answer
 * out of reach gives best_rank at the upper bound. */
#include "test_util.h"

#define TOL 1e-10

/* What a full recomputation gives for one unit. */
typedef struct outcome {
    int rank, group, cls;
    double egdi;
} outcome;

static egdi_dataset *un_data(int year)
{
    char path[512];
    snprintf(path, sizeof path, "%s/un-egov/EGOV_DATA_%d.csv", EGDI_TEST_DATA, year);
    egdi_dataset *ds;
    OK(egdi_survey_read_un_csv(path, 0, &ds));
    return ds;
}

static int code_of(const char *label, const char *(*name)(int), int n)
{
    for (int c = 1; c <= n; c++)
        if (strcmp(label, name(c)) == 0)
            return c;
    return 0;
}

/* Recompute `year` with `vary` of `unit` at `value` ("uniform": every
 * component raised by value, at most to 1; raw "osi" is the column osi_raw). */
static outcome recompute(const egdi_dataset *ds, int year, egdi_survey_input input,
                         const egdi_survey_options *so, const char *unit, const char *vary,
                         double value)
{
    egdi_dataset *copy, *tab;
    size_t i, j;
    OK(egdi_dataset_clone(ds, &copy));
    OK(egdi_dataset_find_unit(copy, unit, &i));
    if (strcmp(vary, "uniform") == 0) {
        const char *comps[3] = {"osi", "tii", "hci"};
        for (int k = 0; k < 3; k++) {
            double b;
            OK(egdi_dataset_find_column(copy, comps[k], &j));
            OK(egdi_dataset_get_value(copy, i, j, &b));
            OK(egdi_dataset_set_value(copy, i, j, fmin(b + value, 1.0)));
        }
    } else {
        const char *column = input == EGDI_INPUT_RAW && strcmp(vary, "osi") == 0 ? "osi_raw" : vary;
        OK(egdi_dataset_find_column(copy, column, &j));
        OK(egdi_dataset_set_value(copy, i, j, value));
    }
    OK(egdi_survey_compute_ex(year, input, copy, so, &tab));
    outcome o;
    double r;
    OK(egdi_dataset_find_unit(tab, unit, &i));
    OK(egdi_dataset_find_column(tab, "rank", &j));
    OK(egdi_dataset_get_value(tab, i, j, &r));
    o.rank = isnan(r) ? 0 : (int)r;
    o.egdi = col_value(tab, unit, "egdi");
    OK(egdi_dataset_find_column(tab, "group", &j));
    o.group = code_of(egdi_dataset_get_label(tab, i, j), egdi_group_name, 4);
    OK(egdi_dataset_find_column(tab, "rating_class", &j));
    o.cls = code_of(egdi_dataset_get_label(tab, i, j), egdi_rating_class_label, 16);
    egdi_dataset_free(tab);
    egdi_dataset_free(copy);
    return o;
}

static int meets(const outcome *o, egdi_whatif_target target, int goal)
{
    if (target == EGDI_WHATIF_RANK)
        return o->rank > 0 && o->rank <= goal;
    return target == EGDI_WHATIF_GROUP ? o->group >= goal : o->cls >= goal;
}

/* Solve, then verify the answer by full recomputations. */
static egdi_whatif_answer check(const egdi_dataset *ds, int year, egdi_survey_input input,
                                const egdi_survey_options *so, const char *unit,
                                const char *vary, egdi_whatif_target target, int goal,
                                double upper)
{
    egdi_whatif_options o;
    OK(egdi_whatif_options_init(&o));
    o.input = input;
    o.survey = so;
    o.upper = upper;
    egdi_whatif_answer a = {.version = EGDI_WHATIF_ANSWER_VERSION};
    OK(egdi_whatif_solve(year, ds, unit, vary, target, goal, &o, &a));
    /* bisection, not a scan: each of the two searches (best_value, value)
     * evaluates its lower end, then halves [lower, upper] until it is within
     * TOL: at most ceil(log2((upper - lower) / TOL)) steps; besides them the
     * current state, the upper bound and the answer's fresh evaluation */
    double steps = fmax(0, ceil(log2((a.upper - a.lower) / TOL)));
    ck_assert_uint_ge(a.evaluations, 2);
    ck_assert_msg(a.evaluations <= (size_t)(2 * (steps + 1) + 3),
                  "%zu evaluations for at most %.0f bisection steps", a.evaluations, steps);
    /* the current state is the ranking table's */
    outcome now = recompute(ds, year, input, so, unit, vary, a.current_value);
    ck_assert_int_eq(now.rank, a.current_rank);
    ck_assert_int_eq(now.group, a.current_group);
    ck_assert_int_eq(now.cls, a.current_class);
    /* the best rank is the rank at the upper bound, first reached at best_value */
    outcome top = recompute(ds, year, input, so, unit, vary, a.upper);
    ck_assert_int_eq(top.rank, a.best_rank);
    ck_assert_int_eq(top.group, a.best_group);
    ck_assert_int_eq(top.cls, a.best_class);
    ck_assert_int_eq(recompute(ds, year, input, so, unit, vary, a.best_value).rank, a.best_rank);
    if (a.best_value - 1e-6 >= a.lower && a.best_value > a.current_value)
        ck_assert_int_gt(recompute(ds, year, input, so, unit, vary, a.best_value - 1e-6).rank,
                         a.best_rank);
    if (!a.reachable) {
        ck_assert(isnan(a.value));
        ck_assert(!meets(&top, target, goal));
        return a;
    }
    /* a proposed value lies within the bounds; a target met needs no change */
    if (a.already_met)
        ck_assert_double_eq(a.value, a.current_value);
    else
        ck_assert_msg(a.lower <= a.value && a.value <= a.upper, "%s = %.12g is outside [%g, %g]",
                      vary, a.value, a.lower, a.upper);
    outcome got = recompute(ds, year, input, so, unit, vary, a.value);
    ck_assert_msg(meets(&got, target, goal), "%s of %s = %.12g does not reach the target",
                  vary, unit, a.value);
    ck_assert_int_eq(got.rank, a.rank);
    ck_assert_int_eq(got.group, a.group);
    ck_assert_int_eq(got.cls, a.rating_class);
    NEAR(got.egdi, a.egdi, 1e-15);
    if (a.already_met) {
        ck_assert_double_eq(a.value, a.current_value);
        return a;
    }
    ck_assert(a.value > a.current_value || isnan(a.current_value));
    ck_assert(a.value <= a.upper);
    for (int k = 0; k < 2; k++) {
        double below = a.value - (k ? 10 * TOL : 1e-6);
        if (below < a.lower)
            continue;
        outcome o2 = recompute(ds, year, input, so, unit, vary, below);
        ck_assert_msg(!meets(&o2, target, goal), "%s of %s = %.12g reaches it too", vary,
                      unit, below);
    }
    return a;
}

START_TEST(bahrain_2024_rank_10)
{
    /* Bahrain 2024 (published rank 18): OSI 0.90305, TII 0.98773, HCI 0.86804.
     * Rank 10 is the Netherlands' rounded EGDI (0.92118 + 0.96881 + 0.97151) / 3 =
     * 0.953833 -> 0.95383; Bahrain's EGDI must round to it: >= 0.953825, i.e. the
     * three components must gain 3 (0.953825 - 0.91960667) = 0.102655.
     * HCI: 0.86804 + 0.102655 = 0.970695 <= 1: reachable.
     * OSI: 0.90305 + 0.102655 > 1 and TII: 0.98773 + 0.102655 > 1: out of reach;
     * at 1 OSI gives EGDI 0.95192 (rank 12), TII 0.92369 (rank 17).
     * Uniform: TII stops at 1 (+0.01227), so 2d + 0.01227 = 0.102655, d = 0.0451925. */
    egdi_dataset *ds = un_data(2024);
    egdi_whatif_answer a;
    a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", "hci", EGDI_WHATIF_RANK, 10, NAN);
    ck_assert_int_eq(a.current_rank, 18);
    ck_assert(a.reachable && !a.already_met);
    NEAR(a.value, 0.970695, 2 * TOL);
    ck_assert_int_eq(a.rank, 10);
    a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", "osi", EGDI_WHATIF_RANK, 10, NAN);
    ck_assert(!a.reachable);
    ck_assert_int_eq(a.best_rank, 12);
    ck_assert_double_eq(a.upper, 1);
    a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", "tii", EGDI_WHATIF_RANK, 10, NAN);
    ck_assert(!a.reachable);
    ck_assert_int_eq(a.best_rank, 17);
    a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", "uniform", EGDI_WHATIF_RANK, 10,
              NAN);
    ck_assert(a.reachable);
    NEAR(a.value, 0.0451925, 2 * TOL);
    ck_assert_int_eq(a.best_rank, 1);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(group_and_class_targets)
{
    /* Kyrgyzstan 2024 (rank 78, High: OSI 0.60723, TII 0.88154, HCI 0.70610,
     * EGDI 2.19487 / 3 = 0.731623): Very High needs the EGDI rounded to 0.75000,
     * i.e. >= 0.749995: the components must gain 3 * 0.749995 - 2.19487 = 0.055115:
     * OSI 0.662345, TII 0.936655, HCI 0.761215, or each 0.055115 / 3 = 0.0183717. */
    egdi_dataset *ds = un_data(2024);
    const char *vary[4] = {"osi", "tii", "hci", "uniform"};
    const double want[4] = {0.662345, 0.936655, 0.761215, 0.0183716667};
    for (int k = 0; k < 4; k++) {
        egdi_whatif_answer a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Kyrgyzstan",
                                     vary[k], EGDI_WHATIF_GROUP, EGDI_GROUP_VERY_HIGH, NAN);
        ck_assert_int_eq(a.current_group, EGDI_GROUP_HIGH);
        ck_assert(a.reachable);
        ck_assert_int_eq(a.group, EGDI_GROUP_VERY_HIGH);
        NEAR(a.value, want[k], 1e-9);
    }
    egdi_dataset_free(ds);
    /* Bahrain 2022 (rank 54, class V1 = 13): the top class VH (16) is out of reach
     * by any one component, but not by a uniform increase. */
    ds = un_data(2022);
    for (int k = 0; k < 4; k++) {
        egdi_whatif_answer a = check(ds, 2022, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", vary[k],
                                     EGDI_WHATIF_CLASS, 16, NAN);
        ck_assert_int_eq(a.current_class, 13);
        ck_assert_int_eq(a.reachable, k == 3);
    }
    egdi_dataset_free(ds);
}
END_TEST

/* Eight units with the 2024 raw indicators, each strong somewhere (mobile
 * subscriptions above 120 are capped). */
static egdi_dataset *raw_2024(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[8] = {"A", "B", "C", "D", "E", "F", "G", "H"};
    for (int i = 0; i < 8; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "osi_raw", (double[]){60, 75, 70, 65, 80, 55, 72, 68}, 8));
    OK(egdi_dataset_add_numeric(ds, "internet_users", (double[]){85, 60, 75, 50, 70, 90, 66, 80}, 8));
    OK(egdi_dataset_add_numeric(ds, "mobile_subscriptions", (double[]){110, 125, 100, 95, 130, 105, 118, 90}, 8));
    OK(egdi_dataset_add_numeric(ds, "fixed_broadband", (double[]){25, 15, 30, 20, 10, 35, 22, 28}, 8));
    OK(egdi_dataset_add_numeric(ds, "active_mobile_broadband", (double[]){80, 95, 70, 60, 100, 85, 75, 90}, 8));
    OK(egdi_dataset_add_numeric(ds, "adult_literacy", (double[]){95, 90, 98, 99, 85, 92, 97, 94}, 8));
    OK(egdi_dataset_add_numeric(ds, "gross_enrolment", (double[]){85, 80, 90, 95, 75, 88, 82, 86}, 8));
    OK(egdi_dataset_add_numeric(ds, "expected_years", (double[]){15, 13, 16, 17, 12, 14, 15, 13}, 8));
    OK(egdi_dataset_add_numeric(ds, "mean_years", (double[]){11, 9, 12, 13, 8, 10, 11, 12}, 8));
    return ds;
}

START_TEST(raw_indicators)
{
    egdi_dataset *ds = raw_2024();
    /* The ranks and the threshold below come from a separate numpy implementation of
     * the 2024 method, not from this library: TII indicators capped at 120, z-scores
     * (population sd), TII = min-max of the mean z, HCI = min-max of the 1/3, 2/9,
     * 2/9, 2/9 weighted mean of z, OSI = min-max of osi_raw, EGDI = their mean,
     * competition ranks on 5 decimals. EGDI A..H: 0.536571, 0.570077, 0.665330,
     * 0.466667, 0.571503, 0.497270, 0.635061, 0.582261 (B 5th). B reaches rank 2 from
     * internet_users 79.40425325 on (bisection of the recomputed rank); at the bounds
     * B ranks 2 with 15 mean years, 3 with 120 active mobile broadband, 5 with 120
     * mobile subscriptions; A ranks 6 now, 4 with 120 mobile subscriptions.
     * B (rank 5) to rank 2 through its internet users (natural bound 100 per cent):
     * every other unit's TII moves with B's value (the z-score statistics are refitted) */
    egdi_whatif_answer a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "B", "internet_users",
                                 EGDI_WHATIF_RANK, 2, NAN);
    ck_assert_int_eq(a.current_rank, 5);
    ck_assert_double_eq(a.current_value, 60);
    ck_assert_double_eq(a.upper, 100);
    ck_assert(a.reachable);
    ck_assert(a.value > 60 && a.value < 100);
    NEAR(a.value, 79.40425325, 1e-7);
    egdi_dataset *copy, *before, *after;
    size_t i, j;
    OK(egdi_dataset_clone(ds, &copy));
    OK(egdi_dataset_find_unit(copy, "B", &i));
    OK(egdi_dataset_find_column(copy, "internet_users", &j));
    OK(egdi_dataset_set_value(copy, i, j, a.value));
    OK(egdi_survey_compute(2024, EGDI_INPUT_RAW, ds, &before));
    OK(egdi_survey_compute(2024, EGDI_INPUT_RAW, copy, &after));
    ck_assert(fabs(col_value(before, "A", "tii") - col_value(after, "A", "tii")) > 1e-3);
    egdi_dataset_free(before);
    egdi_dataset_free(after);
    egdi_dataset_free(copy);
    /* B to rank 1 through mean years of schooling: out of reach at 15 years (rank 2),
     * nor through active mobile broadband (at most the cap, 120) */
    a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "B", "mean_years", EGDI_WHATIF_RANK, 1, NAN);
    ck_assert(!a.reachable);
    ck_assert_double_eq(a.upper, 15);
    ck_assert_int_eq(a.best_rank, 2);
    a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "B", "active_mobile_broadband", EGDI_WHATIF_RANK,
              1, NAN);
    ck_assert(!a.reachable);
    ck_assert_double_eq(a.upper, 120);
    ck_assert_int_eq(a.best_rank, 3);
    /* the online-service score has no natural bound; with one given it works */
    egdi_whatif_options o;
    OK(egdi_whatif_options_init(&o));
    o.input = EGDI_INPUT_RAW;
    egdi_whatif_answer b = {.version = EGDI_WHATIF_ANSWER_VERSION};
    FAILS(egdi_whatif_solve(2024, ds, "B", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "no natural upper bound");
    a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "B", "osi", EGDI_WHATIF_RANK, 1, 150);
    ck_assert(a.reachable);
    /* mobile subscriptions: bound = the 2024 cap of 120; a unit above it (B: 125) has no
     * room left: its best rank is its current one */
    a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "A", "mobile_subscriptions", EGDI_WHATIF_RANK, 1,
              NAN);
    ck_assert_double_eq(a.upper, 120);
    ck_assert_int_eq(a.current_rank, 6);
    ck_assert_int_eq(a.best_rank, 4);
    a = check(ds, 2024, EGDI_INPUT_RAW, NULL, "B", "mobile_subscriptions", EGDI_WHATIF_RANK, 1,
              NAN);
    ck_assert(!a.reachable);
    ck_assert_int_eq(a.best_rank, a.current_rank);
    ck_assert_int_eq(a.best_rank, 5);
    /* an aggregate, or uniform, cannot be varied with raw input */
    FAILS(egdi_whatif_solve(2024, ds, "C", "tii", EGDI_WHATIF_RANK, 2, &o, &b),
          EGDI_ERR_INVALID_ARG, "vary one of them");
    FAILS(egdi_whatif_solve(2024, ds, "C", "uniform", EGDI_WHATIF_RANK, 2, &o, &b),
          EGDI_ERR_INVALID_ARG, "components input");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(imputation)
{
    /* Missing TII of unit C is filled by the mean of the others (0.6); the search
     * starts from the imputed value, and the recomputation imputes it likewise
     * until C's own value is set. */
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[5] = {"A", "B", "C", "D", "E"};
    for (int i = 0; i < 5; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "osi", (double[]){0.9, 0.7, 0.5, 0.3, 0.8}, 5));
    OK(egdi_dataset_add_numeric(ds, "tii", (double[]){0.8, 0.6, NAN, 0.4, 0.6}, 5));
    OK(egdi_dataset_add_numeric(ds, "hci", (double[]){0.9, 0.7, 0.6, 0.5, 0.4}, 5));
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    so.impute = EGDI_IMPUTE_MEAN;
    egdi_whatif_answer a = check(ds, 2024, EGDI_INPUT_COMPONENTS, &so, "C", "osi",
                                 EGDI_WHATIF_RANK, 2, NAN);
    NEAR(a.current_value, 0.5, 1e-15);
    ck_assert(a.reachable);
    /* C (EGDI (0.5 + 0.6 + 0.6) / 3, rank 4) needs B's rounded EGDI
     * (0.7 + 0.6 + 0.7) / 3 -> 0.66667, i.e. >= 0.666665: OSI 3 * 0.666665 - 1.2 = 0.799995 */
    ck_assert_int_eq(a.current_rank, 4);
    NEAR(a.value, 0.799995, 1e-9);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(natural_bounds)
{
    double lo, hi;
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "mean_years", &lo, &hi));
    ck_assert(lo == 0 && hi == 15);
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "expected_years", &lo, &hi));
    ck_assert_double_eq(hi, 18);
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "gross_enrolment", &lo, &hi));
    ck_assert_double_eq(hi, 100);
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "mobile_subscriptions", &lo, &hi));
    ck_assert_double_eq(hi, 120); /* the cap since 2020 */
    OK(egdi_whatif_natural_bounds(2018, EGDI_INPUT_RAW, "mobile_subscriptions", &lo, &hi));
    ck_assert(isnan(hi)); /* no cap before 2020 */
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "osi_raw", &lo, &hi));
    ck_assert(isnan(hi));
    OK(egdi_whatif_natural_bounds(2024, EGDI_INPUT_COMPONENTS, "uniform", &lo, &hi));
    ck_assert(lo == 0 && hi == 1);
    FAILS(egdi_whatif_natural_bounds(2024, EGDI_INPUT_RAW, "fixed_telephone", &lo, &hi),
          EGDI_ERR_NOT_FOUND, "not a raw indicator of edition 2024");
    FAILS(egdi_whatif_natural_bounds(2024, EGDI_INPUT_COMPONENTS, "mean_years", &lo, &hi),
          EGDI_ERR_NOT_FOUND, "vary osi, tii, hci or uniform");
}
END_TEST

START_TEST(target_met_and_errors)
{
    egdi_dataset *ds = un_data(2024);
    /* rank 20 is already Bahrain's (18): no change needed */
    egdi_whatif_answer a = check(ds, 2024, EGDI_INPUT_COMPONENTS, NULL, "Bahrain", "osi",
                                 EGDI_WHATIF_RANK, 20, NAN);
    ck_assert(a.reachable && a.already_met);
    ck_assert_double_eq(a.value, 0.90305);
    ck_assert_int_eq(a.rank, 18);
    egdi_whatif_options o;
    OK(egdi_whatif_options_init(&o));
    egdi_whatif_answer b = {.version = EGDI_WHATIF_ANSWER_VERSION};
    FAILS(egdi_whatif_solve(2024, ds, "Atlantis", "osi", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_NOT_FOUND, "no unit 'Atlantis'");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "epi", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_NOT_FOUND, "vary osi, tii, hci or uniform");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "internet_users", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_NOT_FOUND, "not a component");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 0, &o, &b),
          EGDI_ERR_INVALID_ARG, "target rank 0 is not 1..193");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 194, &o, &b),
          EGDI_ERR_INVALID_ARG, "target rank 194");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_GROUP, 5, &o, &b),
          EGDI_ERR_INVALID_ARG, "target group 5");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_CLASS, 17, &o, &b),
          EGDI_ERR_INVALID_ARG, "target rating class 17");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", (egdi_whatif_target)9, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "unknown target kind 9");
    FAILS(egdi_whatif_solve(2018, ds, "Bahrain", "osi", EGDI_WHATIF_CLASS, 16, &o, &b),
          EGDI_ERR_INVALID_ARG, "edition 2018 has no rating classes");
    FAILS(egdi_whatif_solve(2019, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_NOT_FOUND, "no Survey edition 2019");
    o.upper = 1.5;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "leave [0, 1]");
    o.upper = 0.5;
    o.lower = 0.6;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "are not a range");
    OK(egdi_whatif_options_init(&o));
    o.tolerance = -1;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "tolerance -1");
    o.tolerance = 0;
    o.version = 9;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, &o, &b),
          EGDI_ERR_INVALID_ARG, "egdi_whatif_options: version 9");
    b.version = 0;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 1, NULL, &b),
          EGDI_ERR_INVALID_ARG, "egdi_whatif_answer: version 0");
    FAILS(egdi_whatif_options_init_version(&o, 2), EGDI_ERR_INVALID_ARG, "version 2");
    /* a lower bound above the current value: the search starts there */
    OK(egdi_whatif_options_init(&o));
    o.lower = 0.95;
    b.version = EGDI_WHATIF_ANSWER_VERSION;
    OK(egdi_whatif_solve(2024, ds, "Bahrain", "hci", EGDI_WHATIF_RANK, 10, &o, &b));
    NEAR(b.value, 0.970695, 2 * TOL);
    o.lower = 0.98;
    OK(egdi_whatif_solve(2024, ds, "Bahrain", "hci", EGDI_WHATIF_RANK, 10, &o, &b));
    ck_assert_double_eq(b.value, 0.98);
    /* a target the current value meets needs no change, even below the lower
     * bound: rank 20 with Bahrain's OSI 0.90305 (rank 18), lower 0.95 */
    o.lower = 0.95;
    OK(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 20, &o, &b));
    ck_assert(b.reachable && b.already_met);
    ck_assert_double_eq(b.value, 0.90305);
    ck_assert_double_eq(b.lower, 0.95);
    ck_assert_int_eq(b.rank, 18);
    /* below the natural lower bound 0: a negative increase, a component
     * outside [0, 1] (unless allowed), a negative raw indicator */
    o.lower = -0.1;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "uniform", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_INVALID_ARG, "lower bound -0.1 is below 0");
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_INVALID_ARG, "bounds [-0.1, 1] leave [0, 1]");
    egdi_dataset_free(ds);
    ds = raw_2024();
    o.input = EGDI_INPUT_RAW;
    o.lower = -5;
    FAILS(egdi_whatif_solve(2024, ds, "B", "internet_users", EGDI_WHATIF_RANK, 2, &o, &b),
          EGDI_ERR_INVALID_ARG, "vary 'internet_users': lower bound -5 is below 0");
    o.lower = 0; /* the natural bound itself is fine */
    OK(egdi_whatif_solve(2024, ds, "B", "internet_users", EGDI_WHATIF_RANK, 2, &o, &b));
    ck_assert(b.reachable && !b.already_met);
    egdi_dataset_free(ds);
    /* the data is refused as the ranking table refuses it, with the same overrides:
     * another edition's file, a rank_within column the data lacks */
    ds = un_data(2022);
    OK(egdi_whatif_options_init(&o));
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_DATA, "survey_year is 2022, but the edition computed is 2024");
    egdi_survey_options so = EGDI_SURVEY_OPTIONS_INIT;
    so.allow_edition_mismatch = 1;
    o.survey = &so;
    OK(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 10, &o, &b));
    const char *within[] = {"gcc"};
    so.rank_within = within;
    so.n_rank_within = 1;
    FAILS(egdi_whatif_solve(2024, ds, "Bahrain", "osi", EGDI_WHATIF_RANK, 10, &o, &b),
          EGDI_ERR_NOT_FOUND, "rank within 'gcc': the data has no label column");
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("whatif");
    TCase *tc = tcase_create("whatif");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, bahrain_2024_rank_10);
    tcase_add_test(tc, group_and_class_targets);
    tcase_add_test(tc, raw_indicators);
    tcase_add_test(tc, imputation);
    tcase_add_test(tc, natural_bounds);
    tcase_add_test(tc, target_met_and_errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
