FROM nginx:1.27
# tetrad:ignore TEST-OTHER-001 reason="names another check"
EXPOSE 22
