package cn.linli.platform.crypto;

import java.util.List;

/** Implemented by the repository (a bean) that owns tables with sealed personal data: it names those columns. */
public interface SealedColumns {

    List<SealedColumn> sealedColumns();
}
