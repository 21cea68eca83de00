/* Error model and version: status descriptions, thread-local messages. */
#include <pthread.h>

#include "test_util.h"

START_TEST(strerror_every_status)
{
    /* every stable code has its own description; unknown codes do not crash */
    const char *seen[10];
    for (int s = 0; s <= EGDI_ERR_RANGE; s++) {
        seen[s] = egdi_strerror((egdi_status)s);
        ck_assert_ptr_nonnull(seen[s]);
        ck_assert_str_ne(seen[s], "unknown status");
        for (int k = 0; k < s; k++)
            ck_assert_str_ne(seen[s], seen[k]);
    }
    ck_assert_str_eq(egdi_strerror((egdi_status)999), "unknown status");
    ck_assert_int_eq(EGDI_ERR_NOMEM, 1); /* ABI: values never change */
    ck_assert_int_eq(EGDI_ERR_RANGE, 9);
}
END_TEST

START_TEST(last_error_set_and_cleared)
{
    egdi_clear_error();
    ck_assert_str_eq(egdi_last_error(), "");
    ck_assert_int_eq(egdi_last_status(), EGDI_OK);
    egdi_index *idx = NULL;
    FAILS(egdi_survey_index(1999, EGDI_INPUT_COMPONENTS, &idx), EGDI_ERR_NOT_FOUND, "1999");
    ck_assert_int_eq(egdi_last_status(), EGDI_ERR_NOT_FOUND);
    ck_assert_ptr_null(idx);
    egdi_clear_error();
    ck_assert_str_eq(egdi_last_error(), "");
}
END_TEST

static void *fail_in_thread(void *arg)
{
    (void)arg;
    egdi_index *idx;
    egdi_survey_index(1901, EGDI_INPUT_COMPONENTS, &idx);
    return (void *)(strstr(egdi_last_error(), "1901") != NULL ? (void *)1 : NULL);
}

START_TEST(last_error_is_thread_local)
{
    egdi_index *idx;
    FAILS(egdi_survey_index(1999, EGDI_INPUT_COMPONENTS, &idx), EGDI_ERR_NOT_FOUND, "1999");
    pthread_t t;
    void *ret;
    ck_assert_int_eq(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
    pthread_join(t, &ret);
    ck_assert_ptr_nonnull(ret);                            /* the thread saw its own error */
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "1999")); /* ours is untouched */
}
END_TEST

START_TEST(null_arguments_are_errors)
{
    FAILS(egdi_dataset_new(NULL), EGDI_ERR_INVALID_ARG, "out");
    FAILS(egdi_index_new(NULL), EGDI_ERR_INVALID_ARG, "out");
    FAILS(egdi_compute(NULL, NULL, NULL), EGDI_ERR_INVALID_ARG, "idx");
    FAILS(egdi_rank(NULL, 3, 0, EGDI_TIES_MIN, NULL), EGDI_ERR_INVALID_ARG, "x");
    /* the _free functions take NULL */
    egdi_dataset_free(NULL);
    egdi_index_free(NULL);
    egdi_result_free(NULL);
}
END_TEST

START_TEST(versions_agree)
{
    ck_assert_str_eq(egdi_version_string(), EGDI_VERSION_STRING);
    ck_assert_int_eq(egdi_version_number(), EGDI_VERSION_NUMBER);
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", EGDI_VERSION_MAJOR, EGDI_VERSION_MINOR,
             EGDI_VERSION_PATCH);
    ck_assert_str_eq(buf, EGDI_VERSION_STRING);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, strerror_every_status);
    tcase_add_test(tc, last_error_set_and_cleared);
    tcase_add_test(tc, last_error_is_thread_local);
    tcase_add_test(tc, null_arguments_are_errors);
    tcase_add_test(tc, versions_agree);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
