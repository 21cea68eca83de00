/* (being written): SWIG declarations for the index command line helpers */
