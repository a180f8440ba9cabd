// An archetype jar keeps no file modes: make the wrapper runnable as ./mvnw again.
def project = new File(request.outputDirectory, request.artifactId)
['mvnw', 'bin/find-jdk'].each { new File(project, it).setExecutable(true, false) }
