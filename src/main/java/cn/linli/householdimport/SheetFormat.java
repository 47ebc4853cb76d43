package cn.linli.householdimport;

/** The two file formats read and written; recognised by content ({@link ImportFiles}), never by file name. */
enum SheetFormat {
    XLSX, CSV
}
