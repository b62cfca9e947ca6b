package dev.igautomation.history;

import org.springframework.data.jpa.repository.JpaRepository;

interface HistoryImportRepository extends JpaRepository<HistoryImport, String> {

}
