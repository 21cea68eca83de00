/* One immutable plan shared by several threads, each with its own evaluation
 * context (plan.h): every thread runs its own deterministic sequence of
 * weight and value changes, runs and rankings, and the scores of every node
 * and the rankings after every step must be identical, bit for bit, to the
 * same sequence run alone on the main thread. Each thread also keeps its own
 * last error message while the others fail with theirs, and computes a fresh
 * result from an index and dataset that all threads read at once. Run under
 * ThreadSanitizer (tools/test.sh) this also checks for data races. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>

#include "test_util.h"
#include "engine/engine_fixtures.h"

enum { N_THREADS = 4, STEPS = 120 };


/* What one thread does and what it saw. No check assertions inside a thread
 * (check's failure handling is not thread-safe): failures are recorded. */
typedef struct job {
    const egdi_plan *plan;
    const egdi_index *idx;    /* read by all threads at once */
    const egdi_dataset *ds;
    uint64_t seed;
    int id;
    pthread_barrier_t *start; /* NULL when run alone */
    double *scores;           /* STEPS x nodes x units */
    int *ranks;               /* STEPS x 2 x units: the first root at 4 decimals, unrounded */
    double *computed;         /* a fresh egdi_compute(idx, ds), nodes x units */
    egdi_status st;           /* first failure */
    char where[200];
    int messages_kept;        /* times the thread's own error message was still there */
} job;

static void record(job *j, egdi_status st, int step)
{
    j->st = st;
    snprintf(j->where, sizeof j->where, "step %d: %s", step, egdi_last_error());
}

static void *work(void *arg)
{
    job *j = arg;
    size_t n = egdi_plan_n_units(j->plan), nn = egdi_plan_n_nodes(j->plan);
    if (j->start)
        pthread_barrier_wait(j->start);
    egdi_eval *ev;
    egdi_status st = egdi_eval_new(j->plan, &ev);
    if (st != EGDI_OK) {
        record(j, st, -1);
        return NULL;
    }
    uint64_t rng = j->seed;
    for (int s = 0; s < STEPS && j->st == EGDI_OK; s++) {
        for (int op = (int)(next(&rng) % 3); op >= 0 && st == EGDI_OK; op--) {
            size_t k = next(&rng) % nn;
            if (egdi_index_node_is_indicator(j->idx, k) && next(&rng) % 2)
                st = egdi_eval_set_value(ev, next(&rng) % n, k,
                                         unif(&rng, 0, 1) < 0.1 ? NAN : unif(&rng, 1, 100));
            else
                st = egdi_eval_set_weight(ev, k, unif(&rng, 0.05, 2));
        }
        st = st ? st : egdi_eval_run(ev);
        for (size_t k = 0; k < nn && st == EGDI_OK; k++)
            st = egdi_eval_get_scores(ev, k, j->scores + ((size_t)s * nn + k) * n, n);
        st = st ? st : egdi_eval_rank(ev, 0, 4, j->ranks + (size_t)s * 2 * n, n);
        st = st ? st : egdi_eval_rank(ev, 0, -1, j->ranks + ((size_t)s * 2 + 1) * n, n);
        if (st != EGDI_OK) {
            record(j, st, s);
            break;
        }
        if (s % 10 == 0) { /* fail with a message of our own, let the others fail too */
            char own[64];
            snprintf(own, sizeof own, "node %zu out of range", nn + (size_t)j->id);
            if (egdi_eval_set_weight(ev, nn + (size_t)j->id, 1) != EGDI_ERR_RANGE)
                record(j, EGDI_ERR_INVALID_ARG, s);
            sched_yield();
            j->messages_kept += strstr(egdi_last_error(), own) != NULL;
        }
    }
    egdi_eval_free(ev);
    egdi_result *res;
    if (j->st == EGDI_OK && (st = egdi_compute(j->idx, j->ds, &res)) != EGDI_OK)
        record(j, st, STEPS);
    if (j->st == EGDI_OK) {
        st = egdi_result_get_matrix(res, j->computed, nn * n);
        egdi_result_free(res);
        if (st != EGDI_OK)
            record(j, st, STEPS);
    }
    return NULL;
}

static job make_job(const egdi_plan *plan, const egdi_index *idx, const egdi_dataset *ds, int id)
{
    size_t n = egdi_plan_n_units(plan), nn = egdi_plan_n_nodes(plan);
    job j = {plan, idx, ds, 1000 + 7 * (uint64_t)id, id, NULL, NULL, NULL, NULL, EGDI_OK, "", 0};
    j.scores = malloc((size_t)STEPS * nn * n * sizeof *j.scores);
    j.ranks = malloc((size_t)STEPS * 2 * n * sizeof *j.ranks);
    j.computed = malloc(nn * n * sizeof *j.computed);
    ck_assert(j.scores && j.ranks && j.computed);
    return j;
}

static void free_job(job *j)
{
    free(j->scores), free(j->ranks), free(j->computed);
}

/* N_THREADS sequences alone on this thread, then all at once on N_THREADS threads. */
static void alone_then_together(egdi_index *idx, egdi_dataset *ds)
{
    egdi_plan *plan;
    OK(egdi_plan_new(idx, ds, &plan));
    size_t n = egdi_plan_n_units(plan), nn = egdi_plan_n_nodes(plan);
    size_t sbytes = (size_t)STEPS * nn * n * sizeof(double), rbytes = (size_t)STEPS * 2 * n * sizeof(int);
    job alone[N_THREADS], together[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        alone[t] = make_job(plan, idx, ds, t);
        work(&alone[t]);
        ck_assert_msg(alone[t].st == EGDI_OK, "sequence %d alone: %s", t, alone[t].where);
        ck_assert_int_eq(alone[t].messages_kept, STEPS / 10);
    }
    /* the sequences differ (else the comparison below proves little) */
    ck_assert(memcmp(alone[0].scores, alone[1].scores, sbytes) != 0);
    pthread_barrier_t start;
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, N_THREADS), 0);
    pthread_t th[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        together[t] = make_job(plan, idx, ds, t);
        together[t].start = &start;
        ck_assert_int_eq(pthread_create(&th[t], NULL, work, &together[t]), 0);
    }
    for (int t = 0; t < N_THREADS; t++)
        ck_assert_int_eq(pthread_join(th[t], NULL), 0);
    pthread_barrier_destroy(&start);
    for (int t = 0; t < N_THREADS; t++) {
        ck_assert_msg(together[t].st == EGDI_OK, "thread %d: %s", t, together[t].where);
        ck_assert_msg(together[t].messages_kept == STEPS / 10,
                      "thread %d kept its own message %d times of %d", t,
                      together[t].messages_kept, STEPS / 10);
        for (int s = 0; s < STEPS; s++) {
            size_t so = (size_t)s * nn * n, ro = (size_t)s * 2 * n;
            ck_assert_msg(memcmp(alone[t].scores + so, together[t].scores + so,
                                 nn * n * sizeof(double)) == 0,
                          "thread %d step %d: scores differ from the same sequence alone", t, s);
            ck_assert_msg(memcmp(alone[t].ranks + ro, together[t].ranks + ro, 2 * n * sizeof(int)) == 0,
                          "thread %d step %d: ranks differ from the same sequence alone", t, s);
        }
        ck_assert(memcmp(alone[t].scores, together[t].scores, sbytes) == 0);
        ck_assert(memcmp(alone[t].ranks, together[t].ranks, rbytes) == 0);
        ck_assert(memcmp(alone[t].computed, together[t].computed, nn * n * sizeof(double)) == 0);
        free_job(&alone[t]);
        free_job(&together[t]);
    }
    egdi_plan_free(plan);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}

/* ---- scenarios ---- */
/* n synthetic units with the given numeric columns in [1, 100) (8 % missing)
 * and a region label of 3 levels (every 4th unit has none). */
static egdi_dataset *synthetic(size_t n, const char *const *cols, size_t n_cols, uint64_t seed)
{
    egdi_dataset *ds = fixture_units(n, "T");
    fixture_method_columns(ds, cols, n_cols, &seed);
    return ds;
}

START_TEST(survey_2024_raw)
{
    const char *cols[9];
    survey_columns(cols);
    egdi_index *idx;
    OK(egdi_survey_index(2024, EGDI_INPUT_RAW, &idx));
    alone_then_together(idx, synthetic(193, cols, 9, 11));
}
END_TEST

/* Every method (imputation by mean, median and group, caps, direction -1,
 * every normalisation, geometric mean): the methods' scratch space must be
 * the context's, never shared. The geometric mean's children stay positive:
 * x2 is scaled to [1, 2], x3 is a fraction of the maximum of values >= 1. */
START_TEST(every_method)
{
    static const char *const cols[] = {"x1", "x2", "x3", "x4", "x5", "x6"};
    egdi_index *idx;
    OK(egdi_index_read_csv_buffer(all_methods_imeta, sizeof all_methods_imeta - 1, &idx));
    alone_then_together(idx, synthetic(150, cols, 6, 12));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, survey_2024_raw);
    tcase_add_test(tc, every_method);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
