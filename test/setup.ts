// Test setup shared by every test file.
