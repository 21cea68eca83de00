/* (being written): SWIG declarations of <egdi/describe.h> */
