/* (being written): SWIG declarations of <egdi/pipeline.h> */
