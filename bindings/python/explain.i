/* (being written): SWIG declarations of <egdi/explain.h> */
