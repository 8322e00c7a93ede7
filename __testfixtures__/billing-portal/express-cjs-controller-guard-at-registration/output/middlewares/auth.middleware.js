const jwt = require("jsonwebtoken");

const verifyjwt = async (req, res, next) => {
  const token = req.cookies && req.cookies.jwt;
  if (!token) return res.status(401).json({ message: "Unauthorized" });
  req.user = jwt.verify(token, process.env.JWT_SECRET);
  next();
};

module.exports = verifyjwt;
