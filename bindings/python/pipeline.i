/* SWIG declarations of <egdi/pipeline.h>: COINr's build with screening, and the
 * outlier-treatment report of a result. egdi.run_pipeline() (egdi/pipeline.py)
 * is the Pythonic layer over these.
 *
 * - egdi_pipeline is an owning handle (EGDI_HANDLE); the result and data it
 *   lends (egdi_pipeline_result, egdi_pipeline_data) are non-owning proxies
 *   that keep the pipeline proxy alive (attribute _pipeline), so they cannot
 *   dangle.
 * - The options struct stays in C: egdi_py_pipeline_run() takes the options
 *   as arguments (thresholds NaN = the library's defaults, include/exclude as
 *   sequences of str); egdi_py_pipeline_table() likewise for the result table.
 * - The info structs are out-parameters returned as dicts; the point labels
 *   of egdi_result_get_treatment() fill a numpy int array (None = not wanted).
 * The C calls run without the GIL (SWIG -threads); the typemaps that build
 * Python objects run with it. */

EGDI_HANDLE(egdi_pipeline, egdi_pipeline_free)

%ignore egdi_pipeline_options;
%ignore egdi_pipeline_options_init_version;
%ignore egdi_pipeline_run;              /* egdi_py_pipeline_run */
%ignore egdi_pipeline_to_dataset;       /* egdi_py_pipeline_table */
%ignore egdi_screen_info;               /* returned as a dict */
%ignore egdi_treatment_info;            /* returned as a dict */

/* Borrowed handles: the proxy keeps its pipeline alive. */
%feature("pythonappend") egdi_pipeline_result %{
    if val is not None:
        val._pipeline = pl
%}
%feature("pythonappend") egdi_pipeline_data %{
    if val is not None:
        val._pipeline = pl
%}

/* ---- egdi_treatment_info *info: a dict ---- */
%typemap(in, numinputs=0) egdi_treatment_info *info (egdi_treatment_info tmp) {
    memset(&tmp, 0, sizeof tmp);
    tmp.version = EGDI_TREATMENT_INFO_VERSION;
    $1 = &tmp;
}
%typemap(argout) egdi_treatment_info *info {
    PyObject *pass = PyTuple_New(3);
    for (Py_ssize_t s = 0; pass && s < 3; s++) {
        PyObject *v = $1->pass[s] < 0 ? Py_None : $1->pass[s] ? Py_True : Py_False;
        Py_INCREF(v);
        PyTuple_SET_ITEM(pass, s, v);
    }
    const char *name = egdi_treat_name($1->method);
    PyObject *d = pass ? Py_BuildValue(
        "{s:s,s:(OOO),s:O,s:(ddd),s:(ddd),s:O,s:n,s:O,s:n}", "method", name ? name : "",
        "checked", $1->checked[0] ? Py_True : Py_False, $1->checked[1] ? Py_True : Py_False,
        $1->checked[2] ? Py_True : Py_False, "pass", pass, "skew", $1->skew[0], $1->skew[1],
        $1->skew[2], "kurt", $1->kurt[0], $1->kurt[1], $1->kurt[2], "winsorised",
        $1->winsorised ? Py_True : Py_False, "n_winsorised", (Py_ssize_t)$1->n_winsorised,
        "logged", $1->logged ? Py_True : Py_False, "n_points", (Py_ssize_t)$1->n_points) : NULL;
    Py_XDECREF(pass);
    if (!d) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, d);
}

/* ---- (int *points, size_t n): a writable contiguous numpy int array, or None ---- */
%typemap(in) (int *points, size_t n) (PyArrayObject *points_arr = NULL) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        points_arr = obj_to_array_no_conversion($input, NPY_INT);
        if (!points_arr || !require_dimensions(points_arr, 1) || !require_contiguous(points_arr)
            || !require_native(points_arr))
            SWIG_fail;
        $1 = (int *)array_data(points_arr);
        $2 = (size_t)array_size(points_arr, 0);
    }
}

/* ---- egdi_screen_info *out: a dict ---- */
%typemap(in, numinputs=0) egdi_screen_info *out (egdi_screen_info tmp) {
    memset(&tmp, 0, sizeof tmp);
    $1 = &tmp;
}
%typemap(argout) egdi_screen_info *out {
    PyObject *d = Py_BuildValue(
        "{s:s,s:n,s:n,s:d,s:d,s:O,s:O,s:O,s:i}", "code", $1->code ? $1->code : "",
        "n_missing", (Py_ssize_t)$1->n_missing, "n_zero", (Py_ssize_t)$1->n_zero,
        "dat_avail", $1->dat_avail, "non_zero", $1->non_zero,
        "low_data", $1->low_data ? Py_True : Py_False,
        "low_nonzero", $1->low_nonzero ? Py_True : Py_False,
        "included", $1->included ? Py_True : Py_False, "forced", $1->forced);
    if (!d) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, d);
}

%include "egdi/pipeline.h"

%clear egdi_treatment_info *info;
%clear (int *points, size_t n);
%clear egdi_screen_info *out;

/* ---- the unit lists of the screen: sequences of str (None = empty) ---- */
%define EGDI_PY_UNIT_LIST(PTR, LEN, WHAT)
%typemap(in) (const char *const *PTR, size_t LEN) (egdi_py_strings strs = EGDI_PY_STRINGS_INIT) {
    if ($input != Py_None) {
        egdi_status st_strs = egdi_py_strings_from($input, WHAT, 0, 1, &strs);
        if (st_strs != EGDI_OK) {
            if (!PyErr_Occurred())
                egdi_py_raise(st_strs);
            SWIG_fail;
        }
    }
    $1 = ($1_ltype)strs.ptr;
    $2 = strs.n;
}
%typemap(freearg) (const char *const *PTR, size_t LEN) {
    egdi_py_strings_free(&strs$argnum);
}
%enddef
EGDI_PY_UNIT_LIST(pl_include, pl_n_include, "include")
EGDI_PY_UNIT_LIST(pl_exclude, pl_n_exclude, "exclude")

%inline %{
/** egdi_pipeline_run() with its options as arguments: the screening rule
 *  (egdi_screen_rule), the thresholds (NaN = the library's defaults, 2/3 and
 *  0.05), the stage (egdi_screen_stage) and the units forced in and out
 *  (sequences of str or None). */
egdi_status egdi_py_pipeline_run(const egdi_index *idx, const egdi_dataset *data, int screen,
                                 double dat_thresh, double nonzero_thresh, int stage,
                                 const char *const *pl_include, size_t pl_n_include,
                                 const char *const *pl_exclude, size_t pl_n_exclude,
                                 egdi_pipeline **out)
{
    egdi_pipeline_options o = EGDI_PIPELINE_OPTIONS_INIT;
    o.screen = (egdi_screen_rule)screen;
    if (dat_thresh == dat_thresh)
        o.dat_thresh = dat_thresh;
    if (nonzero_thresh == nonzero_thresh)
        o.nonzero_thresh = nonzero_thresh;
    o.stage = (egdi_screen_stage)stage;
    o.include = pl_include;
    o.n_include = pl_n_include;
    o.exclude = pl_exclude;
    o.n_exclude = pl_n_exclude;
    return egdi_pipeline_run(idx, data, &o, out);
}

/** egdi_pipeline_to_dataset() with its options as arguments (as
 *  egdi_py_result_table): ranks, rank decimals (-1 = as they are), raw values,
 *  the "imputed" column and the data's label columns. */
egdi_status egdi_py_pipeline_table(const egdi_pipeline *pl, int ranks, int rank_decimals,
                                   int raw, int imputed, int labels, egdi_dataset **out)
{
    egdi_result_table_options o = EGDI_RESULT_TABLE_OPTIONS_INIT;
    o.ranks = ranks;
    o.rank_decimals = rank_decimals;
    o.raw = raw;
    o.imputed = imputed;
    o.labels = labels;
    return egdi_pipeline_to_dataset(pl, &o, out);
}
%}

%clear (const char *const *pl_include, size_t pl_n_include);
%clear (const char *const *pl_exclude, size_t pl_n_exclude);
