import a.class
